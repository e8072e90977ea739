package io.cuadra.web.identity;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.application.RoleService;
import io.cuadra.identity.application.RoleTemplates;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.identity.domain.Permission;
import io.cuadra.identity.domain.Role;
import io.cuadra.identity.domain.RoleTemplateSet;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.Texts;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The role matrix editor: one role at a time, modules as rows, actions as columns. */
@Named
@ViewScoped
public class RolesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    RoleService roles;

    @EJB
    RoleTemplates templates;

    private List<Role> all;
    private Long roleId;
    private String name;
    private boolean allLocations;
    private long version;
    private final Map<String, Boolean> cells = new LinkedHashMap<>();
    private String newName;
    private Long cloneFrom;
    private String templateSet;

    @PostConstruct
    void load() {
        all = roles.list();
        if ((roleId == null || all.stream().noneMatch(r -> r.getId().equals(roleId))) && !all.isEmpty()) {
            roleId = all.get(0).getId();
        }
        select();
    }

    /** A new role: a copy of the chosen one (e.g. a default), or an empty row of the matrix. */
    @Permitted(module = Module.USERS, action = Action.CREATE)
    public void create() {
        Role made = FacesActions.attempt(() -> cloneFrom == null ? roles.create(newName, false, Set.of())
                : roles.cloneRole(cloneFrom, newName));
        if (made != null) {
            FacesActions.info(Texts.get("people.roles.created"));
            roleId = made.getId();
            newName = null;
            cloneFrom = null;
            load();
        }
    }

    @Permitted(module = Module.USERS, action = Action.DELETE)
    public void delete() {
        if (FacesActions.succeeded(() -> roles.delete(roleId, version))) {
            FacesActions.info(Texts.get("people.roles.deleted"));
            roleId = null;
            load();
        }
    }

    @Permitted(module = Module.USERS, action = Action.CREATE)
    public void applyTemplate() {
        List<String> created = FacesActions.attempt(() -> templates.apply(RoleTemplateSet.valueOf(templateSet)));
        if (created != null) {
            FacesActions.info(created.isEmpty() ? Texts.get("people.roles.templateNothing")
                    : Texts.get("people.roles.templateApplied") + " " + String.join(", ", created));
            load();
        }
    }

    public List<RoleTemplateSet> getTemplateSets() {
        return Arrays.asList(RoleTemplateSet.values());
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public Long getCloneFrom() {
        return cloneFrom;
    }

    public void setCloneFrom(Long cloneFrom) {
        this.cloneFrom = cloneFrom;
    }

    public String getTemplateSet() {
        return templateSet;
    }

    public void setTemplateSet(String templateSet) {
        this.templateSet = templateSet;
    }

    public void select() {
        Role role = roles.find(roleId);
        name = role.getName();
        allLocations = role.isAllLocations();
        version = role.getVersion();
        cells.clear();
        for (Module m : Module.values()) {
            for (Action a : Action.values()) {
                cells.put(key(m, a), role.allows(Permission.of(m, a)));
            }
        }
    }

    @Permitted(module = Module.USERS, action = Action.EDIT)
    public void save() {
        Set<Permission> granted = new HashSet<>();
        cells.forEach((k, v) -> {
            if (Boolean.TRUE.equals(v)) {
                granted.add(Permission.parse(k));
            }
        });
        if (FacesActions.succeeded(() -> roles.changePermissions(roleId, version, name, allLocations, granted))) {
            FacesActions.info(Texts.get("roles.saved"));
            all = roles.list();
            select();
        }
    }

    static String key(Module m, Action a) {
        return Permission.of(m, a).toString();
    }

    public String cellKey(Module m, Action a) {
        return key(m, a);
    }

    public List<Module> getModules() {
        return Arrays.asList(Module.values());
    }

    public List<Action> getActions() {
        return Arrays.asList(Action.values());
    }

    public List<Role> getAll() {
        return all;
    }

    public Map<String, Boolean> getCells() {
        return cells;
    }

    public Long getRoleId() {
        return roleId;
    }

    public void setRoleId(Long roleId) {
        this.roleId = roleId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isAllLocations() {
        return allLocations;
    }

    public void setAllLocations(boolean allLocations) {
        this.allLocations = allLocations;
    }
}
