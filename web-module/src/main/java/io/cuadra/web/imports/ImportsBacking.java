package io.cuadra.web.imports;

import io.cuadra.imports.application.ImportService;
import io.cuadra.imports.application.ImportStatus;
import io.cuadra.imports.domain.ImportKind;
import io.cuadra.web.platform.ApiParameters;
import io.cuadra.web.platform.TableExport;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.Texts;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * Import page of one kind (items on the catalog's, customers on the customers'): upload a file, watch its
 * job's progress (the page polls while it runs), download its rejected rows, restart it after a failure.
 */
@Named
@ViewScoped
public class ImportsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    ImportService imports;

    private ImportKind kind;
    private Integer itemCount;
    private ImportView current;
    private List<ImportView> recent = List.of();

    /** f:viewAction of the page, after its permission guard. */
    public void open(String kindName) {
        kind = ImportKind.valueOf(kindName);
        FacesActions.succeeded(this::loadRecent);
    }

    /** The file chosen in the upload widget: stored, checked and its job started. */
    public void upload(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        ImportStatus started = FacesActions.attempt(() -> imports.upload(kind, file.getFileName(), file.getContent(),
                itemCount));
        if (started != null) {
            current = ImportView.of(started);
            FacesActions.info(Texts.get("imports.started", file.getFileName()));
            loadRecent();
        }
    }

    /** Called by the poll while the followed import runs. */
    public void refresh() {
        if (current != null) {
            current = ImportView.of(imports.follow(current.id()));
            if (isOver()) {
                loadRecent();
            }
        }
    }

    public void follow(long id) {
        current = FacesActions.attempt(() -> ImportView.of(imports.follow(id)));
    }

    public void restart(long id) {
        ImportStatus restarted = FacesActions.attempt(() -> imports.restart(id));
        if (restarted != null) {
            current = ImportView.of(restarted);
            FacesActions.info(Texts.get("imports.restarted", restarted.upload().getFileName()));
            loadRecent();
        }
    }

    /** Streams the rejected-rows report (the same file the REST API gives) as a download. */
    public void downloadRejected(long id, String format) throws IOException {
        Response report = RejectedRowsReport.download(imports, id,
                ApiParameters.value("format", TableExport.TableFormat.class, format));
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType(report.getMediaType().toString());
        external.setResponseHeader("Content-Disposition", report.getHeaderString("Content-Disposition"));
        ((StreamingOutput) report.getEntity()).write(external.getResponseOutputStream());
        faces.responseComplete();
    }

    private void loadRecent() {
        recent = imports.list(kind, 0, 10).items().stream().map(ImportView::of).toList();
    }

    /** Whether the followed import has nothing more to do; the poll stops then. */
    public boolean isOver() {
        return current == null || List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED", "UNKNOWN")
                .contains(current.status());
    }

    /** Percent of the rows done, for the progress bar. */
    public int getProgress() {
        return current == null || current.totalRows() == 0 ? 0 : (int) (100L * current.read() / current.totalRows());
    }

    public ImportKind getKind() {
        return kind;
    }

    public List<String> getColumns() {
        return kind.columns();
    }

    public List<String> getRequired() {
        return kind.required();
    }

    public ImportView getCurrent() {
        return current;
    }

    public List<ImportView> getRecent() {
        return recent;
    }

    public Integer getItemCount() {
        return itemCount;
    }

    public void setItemCount(Integer itemCount) {
        this.itemCount = itemCount;
    }
}
