package io.cuadra.web.inventory;

import io.cuadra.catalog.application.ItemService;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.inventory.application.LotService;
import io.cuadra.inventory.application.StockReports;
import io.cuadra.inventory.domain.InventoryLot;
import io.cuadra.web.inventory.InventoryViews.LotView;
import io.cuadra.web.inventory.InventoryViews.MoveView;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.Texts;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** Lot page: what the lot is, where its stock is, its last moves, and correcting its expiry date. */
@Named
@ViewScoped
public class LotBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    LotService lots;

    @EJB
    StockReports reports;

    @EJB
    ItemService items;

    private Long id;
    private LotView lot;
    private String itemLabel;
    private List<MoveView> moves = List.of();
    private LocalDate expiresOn;

    public void open() {
        if (id == null) {
            return;
        }
        InventoryLot l = FacesActions.attempt(() -> lots.find(id));
        if (l == null) {
            return;
        }
        lot = LotView.of(l, reports.lotBalances(id));
        expiresOn = l.getExpiresOn();
        var item = items.find(l.getItemId());
        itemLabel = item.getCode() + " · " + item.getName();
        moves = reports.moves(id, null, null, 0, 100).items().stream().map(MoveView::of).toList();
    }

    /** Saving the date the lot already has changes nothing: it says so, and writes no audit line. */
    @Permitted(module = Module.INVENTORY, action = Action.EDIT)
    public void correctExpiry() {
        if (!InventoryLot.expiryDiffers(lot.expiresOn(), expiresOn)) {
            FacesActions.info(Texts.get("lot.expiryUnchanged"));
            return;
        }
        if (FacesActions.succeeded(() -> lots.correctExpiry(id, lot.version(), expiresOn))) {
            FacesActions.info(Texts.get("lot.expiryCorrected"));
            open();
        }
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public LotView getLot() {
        return lot;
    }

    public String getItemLabel() {
        return itemLabel;
    }

    public List<MoveView> getMoves() {
        return moves;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public void setExpiresOn(LocalDate expiresOn) {
        this.expiresOn = expiresOn;
    }
}
