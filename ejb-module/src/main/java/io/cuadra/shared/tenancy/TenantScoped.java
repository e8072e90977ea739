package io.cuadra.shared.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A row that belongs to one tenant. EclipseLink adds {@code tenant_id = :tenant} to every query and
 * fills it on insert from the {@link TenantContext#TENANT_PROPERTY} of the entity manager (set by
 * {@link TenantInterceptor}), so a row of another tenant is simply not found: 404, never 403.
 */
@MappedSuperclass
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantContext.TENANT_PROPERTY,
        discriminatorType = DiscriminatorType.INTEGER)
@SequenceGenerator(name = "cuadra_id", sequenceName = "cuadra_id_seq", allocationSize = 50)
public abstract class TenantScoped {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cuadra_id")
    private Long id;

    /** Read-only view of the discriminator, for audit and DTOs. */
    @Column(name = "tenant_id", insertable = false, updatable = false)
    private Long tenantId;

    public Long getId() {
        return id;
    }

    public Long getTenantId() {
        return tenantId;
    }
}
