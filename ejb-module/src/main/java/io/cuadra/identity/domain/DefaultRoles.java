package io.cuadra.identity.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static io.cuadra.identity.domain.Action.APPROVE;
import static io.cuadra.identity.domain.Action.CANCEL;
import static io.cuadra.identity.domain.Action.CREATE;
import static io.cuadra.identity.domain.Action.DELETE;
import static io.cuadra.identity.domain.Action.EDIT;
import static io.cuadra.identity.domain.Action.EXPORT;
import static io.cuadra.identity.domain.Action.VIEW;
import static io.cuadra.identity.domain.Module.AUDIT;
import static io.cuadra.identity.domain.Module.BILLING;
import static io.cuadra.identity.domain.Module.CATALOG;
import static io.cuadra.identity.domain.Module.CUSTOMERS;
import static io.cuadra.identity.domain.Module.INVENTORY;
import static io.cuadra.identity.domain.Module.ORDERS;
import static io.cuadra.identity.domain.Module.PAYMENTS;
import static io.cuadra.identity.domain.Module.PURCHASING;
import static io.cuadra.identity.domain.Module.RECONCILIATION;
import static io.cuadra.identity.domain.Module.REPORTS;
import static io.cuadra.identity.domain.Module.SETTINGS;
import static io.cuadra.identity.domain.Module.USERS;

/**
 * The roles every new tenant starts with, mapped from the seeds (Administrador General, Supervisor de
 * Sede, Recepcionista, warehouse, accounting, Laboratorista). Admins edit the matrix afterwards; the
 * README documents this starting point.
 */
public enum DefaultRoles {

    ADMIN("Administrador", true) {
        @Override
        Set<Permission> permissions() {
            Set<Permission> all = new java.util.HashSet<>();
            for (Module m : Module.values()) {
                for (Action a : Action.values()) {
                    all.add(Permission.of(m, a));
                }
            }
            return all;
        }
    },
    SUPERVISOR("Supervisor de sede", false) {
        @Override
        Set<Permission> permissions() {
            return union(
                    grant(USERS, VIEW), grant(SETTINGS, VIEW),
                    grant(CATALOG, VIEW, CREATE, EDIT),
                    grant(CUSTOMERS, VIEW, CREATE, EDIT, EXPORT),
                    grant(ORDERS, VIEW, CREATE, EDIT, CANCEL, APPROVE, EXPORT),
                    grant(PAYMENTS, VIEW, CREATE, CANCEL),
                    grant(BILLING, VIEW, CREATE, CANCEL),
                    grant(INVENTORY, VIEW, CREATE, EDIT, APPROVE),
                    grant(PURCHASING, VIEW, CREATE, EDIT, APPROVE),
                    grant(RECONCILIATION, VIEW, CREATE, EDIT, APPROVE, EXPORT),
                    grant(REPORTS, VIEW, EXPORT),
                    grant(AUDIT, VIEW));
        }
    },
    CASHIER("Cajero / recepción", false) {
        @Override
        Set<Permission> permissions() {
            return union(
                    grant(CATALOG, VIEW),
                    grant(CUSTOMERS, VIEW, CREATE, EDIT),
                    grant(ORDERS, VIEW, CREATE, EDIT, CANCEL),
                    grant(PAYMENTS, VIEW, CREATE),
                    grant(BILLING, VIEW),
                    grant(INVENTORY, VIEW),
                    grant(RECONCILIATION, VIEW, CREATE),
                    grant(REPORTS, VIEW));
        }
    },
    WAREHOUSE("Almacén", false) {
        @Override
        Set<Permission> permissions() {
            return union(
                    grant(CATALOG, VIEW),
                    grant(INVENTORY, VIEW, CREATE, EDIT),
                    grant(PURCHASING, VIEW, CREATE, EDIT),
                    grant(REPORTS, VIEW));
        }
    },
    ACCOUNTANT("Contabilidad", true) {
        @Override
        Set<Permission> permissions() {
            return union(
                    grant(SETTINGS, VIEW),
                    grant(CATALOG, VIEW, EXPORT),
                    grant(CUSTOMERS, VIEW, EXPORT),
                    grant(ORDERS, VIEW, EXPORT),
                    grant(PAYMENTS, VIEW, EXPORT),
                    grant(BILLING, VIEW, CREATE, CANCEL, EXPORT),
                    grant(INVENTORY, VIEW, EXPORT),
                    grant(PURCHASING, VIEW, EXPORT),
                    grant(RECONCILIATION, VIEW, CREATE, EDIT, APPROVE, EXPORT),
                    grant(REPORTS, VIEW, EXPORT),
                    grant(AUDIT, VIEW, EXPORT));
        }
    },
    /** The lab's technician (the seed's Laboratorista): orders of their locations and their status; no money, no settings. */
    LAB_TECHNICIAN("Laboratorista", false) {
        @Override
        Set<Permission> permissions() {
            return union(
                    grant(CATALOG, VIEW),
                    grant(CUSTOMERS, VIEW),
                    grant(ORDERS, VIEW, EDIT));
        }
    };

    private final String label;
    private final boolean allLocations;

    DefaultRoles(String label, boolean allLocations) {
        this.label = label;
        this.allLocations = allLocations;
    }

    abstract Set<Permission> permissions();

    public Role newRole() {
        return new Role(name(), label, allLocations, permissions());
    }

    static List<Permission> grant(Module module, Action... actions) {
        List<Permission> list = new ArrayList<>();
        for (Action a : EnumSet.copyOf(List.of(actions))) {
            list.add(Permission.of(module, a));
        }
        return list;
    }

    @SafeVarargs
    static Set<Permission> union(List<Permission>... grants) {
        Set<Permission> all = new java.util.HashSet<>();
        for (List<Permission> g : grants) {
            all.addAll(g);
        }
        return all;
    }
}
