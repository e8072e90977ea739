package io.cuadra.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.util.Objects;

/** A permission as stored in the role matrix (role_permissions). */
@Embeddable
public class Grant {

    @Enumerated(EnumType.STRING)
    @Column(name = "module", nullable = false)
    private Module module;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false)
    private Action action;

    protected Grant() {
    }

    Grant(Permission permission) {
        this.module = permission.module();
        this.action = permission.action();
    }

    public Permission permission() {
        return new Permission(module, action);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Grant g && g.module == module && g.action == action;
    }

    @Override
    public int hashCode() {
        return Objects.hash(module, action);
    }
}
