package io.cuadra.identity.domain;

import java.util.List;
import java.util.Set;

import static io.cuadra.identity.domain.Action.CANCEL;
import static io.cuadra.identity.domain.Action.CREATE;
import static io.cuadra.identity.domain.Action.EDIT;
import static io.cuadra.identity.domain.Action.EXPORT;
import static io.cuadra.identity.domain.Action.VIEW;
import static io.cuadra.identity.domain.DefaultRoles.grant;
import static io.cuadra.identity.domain.DefaultRoles.union;
import static io.cuadra.identity.domain.Module.BILLING;
import static io.cuadra.identity.domain.Module.CATALOG;
import static io.cuadra.identity.domain.Module.CUSTOMERS;
import static io.cuadra.identity.domain.Module.INVENTORY;
import static io.cuadra.identity.domain.Module.ORDERS;
import static io.cuadra.identity.domain.Module.PAYMENTS;
import static io.cuadra.identity.domain.Module.PURCHASING;
import static io.cuadra.identity.domain.Module.REPORTS;

/**
 * The roles each seed business recognises, named as its people name them: a table of data that a
 * tenant gets when it is opened with that set, or applies later from the roles page. Where a seed role
 * is one of the defaults it reuses that default's matrix, so the two never drift apart.
 */
public enum RoleTemplateSet {

    /** The Peruvian lab network (clinical-lab seeds): its four roles, by their Spanish names. */
    LAB(List.of(
            new RoleTemplate("LAB_ADMIN", "Administrador General", true, DefaultRoles.ADMIN.permissions()),
            new RoleTemplate("LAB_RECEPTION", "Recepcionista", false, DefaultRoles.CASHIER.permissions()),
            new RoleTemplate("LAB_SUPERVISOR", "Supervisor de Sede", false, DefaultRoles.SUPERVISOR.permissions()),
            new RoleTemplate("LAB_ANALYST", "Laboratorista", false, DefaultRoles.LAB_TECHNICIAN.permissions()))),

    /** The French dermatology clinic: it works in French, so are its role names. */
    CLINIC(List.of(
            new RoleTemplate("CLINIC_ADMIN", "Administrateur", true, DefaultRoles.ADMIN.permissions()),
            new RoleTemplate("CLINIC_PRACTITIONER", "Praticien", false, union(
                    grant(CATALOG, VIEW), grant(CUSTOMERS, VIEW, CREATE, EDIT), grant(ORDERS, VIEW, CREATE, EDIT),
                    grant(INVENTORY, VIEW))),
            new RoleTemplate("CLINIC_RECEPTION", "Accueil", false, DefaultRoles.CASHIER.permissions()),
            new RoleTemplate("CLINIC_MARKETING", "Marketing", true, union(
                    grant(CATALOG, VIEW), grant(CUSTOMERS, VIEW, EXPORT), grant(REPORTS, VIEW, EXPORT))),
            new RoleTemplate("CLINIC_ACCOUNTING", "Comptabilité", true, DefaultRoles.ACCOUNTANT.permissions()))),

    /** SIPUD, the Chilean distributor: a manager over every branch, the warehouse and the sales force. */
    DISTRIBUTOR(List.of(
            new RoleTemplate("DIST_ADMIN", "Administrador", true, DefaultRoles.ADMIN.permissions()),
            new RoleTemplate("DIST_MANAGER", "Gerente", true, DefaultRoles.SUPERVISOR.permissions()),
            new RoleTemplate("DIST_WAREHOUSE", "Bodega", false, union(
                    DefaultRoles.WAREHOUSE.permissions().stream().toList(), grant(INVENTORY, Action.APPROVE),
                    grant(PURCHASING, Action.APPROVE))),
            new RoleTemplate("DIST_SALES", "Ventas", false, union(
                    grant(CATALOG, VIEW), grant(CUSTOMERS, VIEW, CREATE, EDIT), grant(ORDERS, VIEW, CREATE, EDIT, CANCEL),
                    grant(PAYMENTS, VIEW, CREATE), grant(BILLING, VIEW), grant(INVENTORY, VIEW), grant(REPORTS, VIEW)))));

    private final List<RoleTemplate> roles;

    RoleTemplateSet(List<RoleTemplate> roles) {
        this.roles = roles;
    }

    public List<RoleTemplate> roles() {
        return roles;
    }

    /** One role of a set: its code (never shown), its name as the business says it, span and matrix row. */
    public record RoleTemplate(String code, String name, boolean allLocations, Set<Permission> permissions) {

        public RoleTemplate {
            permissions = Set.copyOf(permissions);
        }

        public Role newRole(RoleTemplateSet set) {
            return new Role(code, name, allLocations, permissions).fromTemplate(set.name());
        }
    }
}
