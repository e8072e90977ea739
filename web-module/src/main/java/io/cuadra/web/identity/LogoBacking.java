package io.cuadra.web.identity;

import io.cuadra.identity.application.CompanyService;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Company;
import io.cuadra.identity.domain.Module;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.Texts;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.primefaces.model.file.UploadedFile;

/** The company logo on the company page: upload (checked by content in the service) or remove. */
@Named
@RequestScoped
public class LogoBacking {

    @EJB
    CompanyService company;

    private UploadedFile file;
    private boolean hasLogo;
    private long version;

    @PostConstruct
    void load() {
        Company c = company.current();
        hasLogo = c.getLogo() != null;
        version = c.getVersion();
    }

    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    public void upload() {
        if (file == null || file.getSize() == 0) {
            FacesActions.error(Texts.get("people.logo.choose"));
            return;
        }
        if (FacesActions.succeeded(() -> company.changeLogo(version, file.getContent()))) {
            FacesActions.info(Texts.get("people.logo.saved"));
            load();
        }
    }

    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    public void remove() {
        if (FacesActions.succeeded(() -> company.changeLogo(version, null))) {
            FacesActions.info(Texts.get("people.logo.removed"));
            load();
        }
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    public boolean isHasLogo() {
        return hasLogo;
    }
}
