package io.cuadra.web.settings;

import io.cuadra.web.shell.FacesActions;
import jakarta.annotation.PostConstruct;
import io.cuadra.web.shell.Texts;

import java.io.Serializable;

/**
 * What the settings pages share: a list beside a form that edits one row (or a new one when
 * {@code id} is null) with its version for the optimistic check, a code and a name.
 */
abstract class SettingsEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    protected Long id;
    protected long version;
    protected String code;
    protected String name;

    @PostConstruct
    void init() {
        reload();
        startNew();
    }

    /** Reads the list again after a change. */
    protected abstract void reload();

    /** Empties the form for a new row. */
    public abstract void startNew();

    /** After a save the business accepted: says so, reads the list again and empties the form. */
    protected void saved(boolean done) {
        if (done) {
            FacesActions.info(Texts.get("people.settings.saved"));
            reload();
            startNew();
        }
    }

    public boolean isEditing() {
        return id != null;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
