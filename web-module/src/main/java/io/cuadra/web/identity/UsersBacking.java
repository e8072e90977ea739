package io.cuadra.web.identity;

import io.cuadra.identity.application.LocationService;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.application.RoleService;
import io.cuadra.identity.application.UserService;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Location;
import io.cuadra.identity.domain.Module;
import io.cuadra.identity.domain.Role;
import io.cuadra.identity.domain.User;
import io.cuadra.web.identity.IdentityViews.UserView;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.Texts;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** Users page: list, create, edit (roles, locations, active), send a reset link. */
@Named
@ViewScoped
public class UsersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    UserService users;
    @EJB
    RoleService roles;
    @EJB
    LocationService locations;

    private List<UserView> rows;
    private List<RoleOption> roleOptions;
    private List<LocationOption> locationOptions;
    private Form form = new Form();

    @PostConstruct
    void load() {
        rows = users.list().stream().map(UserView::of).toList();
        roleOptions = roles.list().stream().map(r -> new RoleOption(r.getCode(), r.getName())).toList();
        locationOptions = locations.listVisible().stream()
                .map(l -> new LocationOption(l.getId(), l.getCode() + " · " + l.getName())).toList();
    }

    public void startNew() {
        form = new Form();
    }

    public void edit(long id) {
        User u = users.find(id);
        form = new Form();
        form.id = u.getId();
        form.version = u.getVersion();
        form.email = u.getEmail();
        form.username = u.getUsername();
        form.firstName = u.getFirstName();
        form.lastName = u.getLastName();
        form.phone = u.getPhone();
        form.active = u.isActive();
        form.roles = new ArrayList<>(u.roleCodes());
        form.locationIds = u.getLocations().stream().map(Location::getId).map(String::valueOf)
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    @Permitted(module = Module.USERS, action = Action.CREATE)
    public void create() {
        if (FacesActions.succeeded(() -> users.create(form.email, form.username, form.firstName, form.lastName, form.phone,
                form.password, new HashSet<>(form.roles), locationIds()))) {
            FacesActions.info(Texts.get("users.saved"));
            load();
            form = new Form();
        }
    }

    @Permitted(module = Module.USERS, action = Action.EDIT)
    public void update() {
        if (FacesActions.succeeded(() -> users.update(form.id, form.version, form.firstName, form.lastName, form.phone,
                form.active, new HashSet<>(form.roles), locationIds()))) {
            FacesActions.info(Texts.get("users.saved"));
            load();
        }
    }

    /** An administrator sets the password: users without e-mail get no reset link. */
    @Permitted(module = Module.USERS, action = Action.EDIT)
    public void setPassword() {
        if (FacesActions.succeeded(() -> users.setPassword(form.id, form.password))) {
            FacesActions.info(Texts.get("people.users.passwordSet"));
            form.password = null;
        }
    }

    @Permitted(module = Module.USERS, action = Action.EDIT)
    public void sendReset(long id) {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest();
        if (FacesActions.succeeded(() -> users.sendPasswordReset(id, CuadraAuthentication.clientOf(request)))) {
            FacesActions.info(Texts.get("users.resetSent"));
        }
    }

    private java.util.Set<Long> locationIds() {
        java.util.Set<Long> ids = new HashSet<>();
        form.locationIds.forEach(s -> ids.add(Long.valueOf(s)));
        return ids;
    }

    public List<UserView> getRows() {
        return rows;
    }

    public List<RoleOption> getRoleOptions() {
        return roleOptions;
    }

    /** A role as the dialog offers it: chosen by code, shown by name. */
    public record RoleOption(String code, String name) implements Serializable {
        public String getCode() {
            return code;
        }

        public String getName() {
            return name;
        }
    }

    public List<LocationOption> getLocationOptions() {
        return locationOptions;
    }

    public Form getForm() {
        return form;
    }

    public record LocationOption(long id, String label) implements Serializable {
        public String getValue() {
            return Long.toString(id);
        }

        public String getLabel() {
            return label;
        }
    }

    /** What the user dialog edits. */
    public static class Form implements Serializable {
        private static final long serialVersionUID = 1L;
        Long id;
        long version;
        String email;
        String username;
        String firstName;
        String lastName;
        String phone;
        String password;
        boolean active = true;
        List<String> roles = new ArrayList<>();
        List<String> locationIds = new ArrayList<>();

        public boolean isNew() {
            return id == null;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getFirstName() {
            return firstName;
        }

        public void setFirstName(String firstName) {
            this.firstName = firstName;
        }

        public String getLastName() {
            return lastName;
        }

        public void setLastName(String lastName) {
            this.lastName = lastName;
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public boolean isActive() {
            return active;
        }

        public void setActive(boolean active) {
            this.active = active;
        }

        public List<String> getRoles() {
            return roles;
        }

        public void setRoles(List<String> roles) {
            this.roles = roles;
        }

        public List<String> getLocationIds() {
            return locationIds;
        }

        public void setLocationIds(List<String> locationIds) {
            this.locationIds = locationIds;
        }
    }
}
