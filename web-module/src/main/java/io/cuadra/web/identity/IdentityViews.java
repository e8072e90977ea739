package io.cuadra.web.identity;

import io.cuadra.audit.domain.AuditEntry;
import io.cuadra.identity.domain.Company;
import io.cuadra.identity.domain.Location;
import io.cuadra.identity.domain.Permission;
import io.cuadra.identity.domain.Role;
import io.cuadra.identity.domain.User;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What the identity endpoints return: records built from entities, never the entities. */
public final class IdentityViews {

    private IdentityViews() {
    }

    public static OffsetDateTime utc(java.time.Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Schema(name = "User")
    public record UserView(long id, String email, String username, String firstName, String lastName, String phone,
                    boolean active, OffsetDateTime lastLoginAt, Set<String> roles, List<String> roleNames,
                    Set<Long> locationIds, long version) implements java.io.Serializable {
        static UserView of(User u) {
            return new UserView(u.getId(), u.getEmail(), u.getUsername(), u.getFirstName(), u.getLastName(),
                    u.getPhone(), u.isActive(), utc(u.getLastLoginAt()), new TreeSet<>(u.roleCodes()),
                    u.getRoles().stream().map(Role::getName).sorted().toList(), new TreeSet<>(u.locationIds()),
                    u.getVersion());
        }

        /** For the users page: the role names, never their codes. */
        public String roleNamesText() {
            return String.join(", ", roleNames);
        }
    }

    @Schema(name = "Role")
    public record RoleView(long id, String code, String name, boolean allLocations, List<String> permissions,
                    long version) {
        static RoleView of(Role r) {
            return new RoleView(r.getId(), r.getCode(), r.getName(), r.isAllLocations(),
                    r.permissions().stream().map(Permission::toString).sorted().toList(), r.getVersion());
        }
    }

    @Schema(name = "Location")
    public record LocationView(long id, String code, String name, String address, String phone, String email,
                        String timeZone, String sunatEstablishment, String invoiceSeries, String receiptSeries,
                        String invoiceCreditSeries, String receiptCreditSeries, boolean active, long version) implements java.io.Serializable {
        static LocationView of(Location l) {
            return new LocationView(l.getId(), l.getCode(), l.getName(), l.getAddress(), l.getPhone(), l.getEmail(),
                    l.getTimeZone(), l.getSunatEstablishment(), l.getInvoiceSeries(), l.getReceiptSeries(),
                    l.getInvoiceCreditSeries(), l.getReceiptCreditSeries(), l.isActive(), l.getVersion());
        }
    }

    @Schema(name = "Company")
    public record CompanyView(String country, String taxId, String legalName, String tradeName, String fiscalAddress,
                       String district, String province, String department, String ubigeo, String currency,
                       BigDecimal defaultTaxPercent, boolean pricesIncludeTax, String timeZone, boolean hasLogo,
                       long version) {
        static CompanyView of(Company c) {
            return new CompanyView(c.getCountry(), c.getTaxId(), c.getLegalName(), c.getTradeName(),
                    c.getFiscalAddress(), c.getDistrict(), c.getProvince(), c.getDepartment(), c.getUbigeo(),
                    c.currency().getCurrencyCode(), c.getDefaultTaxPercent(), c.isPricesIncludeTax(),
                    c.zone().getId(), c.getLogo() != null, c.getVersion());
        }
    }

    @Schema(name = "AuditEntry")
    /** A line; {@code sealed} false (and no seq nor hash) until the sealer has chained it, within seconds. */
    public record AuditView(long id, Long seq, boolean sealed, OffsetDateTime at, Long userId, String user, String action,
                     String entityType, String entityId, String changes, String ip, String userAgent, String hash) implements java.io.Serializable {
        static AuditView of(AuditEntry a) {
            return new AuditView(a.getId(), a.getSeq(), a.isSealed(), utc(a.getAt()), a.getUserId(), a.getUserEmail(),
                    a.getAction(), a.getEntityType(), a.getEntityId(), a.getChanges(), a.getIp(), a.getUserAgent(),
                    a.getHash());
        }
    }
}
