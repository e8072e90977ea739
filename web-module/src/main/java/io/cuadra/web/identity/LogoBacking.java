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
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.InputStream;

/** The company logo on the company page: upload (checked by content in the service) or remove. */
@Named
@RequestScoped
public class LogoBacking {

    @EJB
    CompanyService company;

    /** A plain file input: PrimeFaces' skinned one hides a focusable input from assistive technology. */
    private Part file;
    private boolean hasLogo;
    /** Read no more than this into memory; the service's own limit is far lower. */
    private static final long MAX_READ = 16L * 1024 * 1024;
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
        if (file.getSize() > MAX_READ) {
            FacesActions.error(Texts.get("people.logo.rules"));
            return;
        }
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            content = in.readAllBytes();
        } catch (IOException e) {
            FacesActions.error(Texts.get("people.logo.choose"));
            return;
        }
        // The service judges type, size and content (CompanyService.changeLogo).
        if (FacesActions.succeeded(() -> company.changeLogo(version, content))) {
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

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public boolean isHasLogo() {
        return hasLogo;
    }
}
