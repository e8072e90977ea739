package io.cuadra.web.identity;

import io.cuadra.audit.application.AuditLogService;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.audit.domain.AuditChainCheck;
import io.cuadra.identity.domain.Module;
import io.cuadra.shared.domain.Page;
import io.cuadra.web.identity.IdentityViews.AuditView;
import io.cuadra.web.platform.PageView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The tenant's tamper-evident audit log: browse with filters, verify the hash chain. */
@RequestScoped
@Path("audit-log")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit log")
@SecurityRequirement(name = "bearer")
public class AuditLogResource {

    @EJB
    AuditLogService audit;

    @GET
    @Permitted(module = Module.AUDIT, action = Action.VIEW)
    @Operation(summary = "Browse the audit log, newest first",
            description = "action accepts a trailing * (login.*); from/to are ISO-8601 instants with offset.")
    public PageView<AuditView> browse(@QueryParam("userId") Long userId, @QueryParam("entityType") String entityType,
                                      @QueryParam("entityId") String entityId, @QueryParam("action") String action,
                                      @QueryParam("from") Instant from, @QueryParam("to") Instant to,
                                      @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Page<AuditView> result = audit.browse(userId, entityType, entityId, action, from, to, Page.number(page), Page.size(size, 50)).map(AuditView::of);
        return PageView.of(result);
    }

    @GET
    @Path("verification")
    @Permitted(module = Module.AUDIT, action = Action.VIEW)
    @Operation(summary = "Verify the hash chain; names the first broken line",
            description = "checked counts the sealed lines walked; unsealed lines (written, not chained yet: the "
                    + "sealer chains them within seconds) are counted apart, with the time of the oldest.")
    public Verification verify() {
        AuditLogService.ChainState state = audit.chainState();
        AuditChainCheck check = state.check();
        AuditLogService.Unsealed unsealed = state.unsealed();
        OffsetDateTime oldest = unsealed.oldestAt() == null ? null : unsealed.oldestAt().atOffset(ZoneOffset.UTC);
        return check.broken()
                .map(b -> new Verification(false, check.checked(), b.seq(), b.reason(), unsealed.count(), oldest))
                .orElseGet(() -> new Verification(true, check.checked(), null, null, unsealed.count(), oldest));
    }

    @Schema(name = "AuditVerification")
    public record Verification(boolean valid, long checked, Long firstBrokenSeq, String reason, long unsealed,
                               OffsetDateTime oldestUnsealedAt) {
    }
}
