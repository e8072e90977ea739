package io.cuadra.web.reconciliation;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.reconciliation.application.BankStatementService;
import io.cuadra.reconciliation.application.MatchingService;
import io.cuadra.reconciliation.application.ReconciliationJobs;
import io.cuadra.reconciliation.domain.bank.BankMatch;
import io.cuadra.reconciliation.domain.bank.BankLayout;
import io.cuadra.reconciliation.domain.bank.BankTransaction;
import io.cuadra.reconciliation.domain.bank.CreditState;
import io.cuadra.shared.domain.Page;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.web.platform.PageView;
import io.cuadra.web.platform.ETags;
import io.cuadra.web.reconciliation.ReconciliationViews.BankProfileView;
import io.cuadra.web.reconciliation.ReconciliationViews.JobRunView;
import io.cuadra.web.reconciliation.ReconciliationViews.MatchView;
import io.cuadra.web.reconciliation.ReconciliationViews.OpenPaymentView;
import io.cuadra.web.reconciliation.ReconciliationViews.RejectionView;
import io.cuadra.web.reconciliation.ReconciliationViews.StatementView;
import io.cuadra.web.reconciliation.ReconciliationViews.TransactionView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

/**
 * Bank statements: import CSV/XLSX files with a bank profile (a batch job with a rejected-rows
 * report), the stored movements, and reconciling credits with payments.
 */
@RequestScoped
@Path("reconciliation/bank-statements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reconciliation bank statements")
@SecurityRequirement(name = "bearer")
public class BankStatementsResource {

    @EJB
    BankStatementService statements;

    @EJB
    MatchingService matching;

    @EJB
    ReconciliationJobs jobs;

    @POST
    @Permitted(module = Module.RECONCILIATION, action = Action.EDIT)
    @Operation(summary = "Import a statement file (CSV or XLSX, base64) of one account with a bank profile",
            description = "Runs as a batch job: rows that cannot be read make the rejected-rows report; a movement "
                    + "already stored (same file again, or an overlapping period) is not added twice. Then the "
                    + "matching runs over the credits.")
    @APIResponse(responseCode = "202", description = "Import started",
            content = @Content(schema = @Schema(implementation = JobRunView.class)))
    public Response importStatement(@Valid ImportBody body) {
        byte[] content;
        try {
            content = Base64.getDecoder().decode(body.content.strip());
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("content: not base64.");
        }
        return Response.accepted(JobRunView.of(statements.upload(body.profileId, body.accountNumber, body.fileName,
                content))).build();
    }

    @GET
    @Permitted(module = Module.RECONCILIATION, action = Action.VIEW)
    @Operation(summary = "Imported statements, newest first")
    public PageView<StatementView> listStatements(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Page<StatementView> result = statements.statements(Page.number(page), Page.size(size, 20)).map(StatementView::of);
        return PageView.of(result);
    }

    @GET
    @Path("{id}")
    @Permitted(module = Module.RECONCILIATION, action = Action.VIEW)
    @Operation(summary = "One statement and what its import found")
    @APIResponse(responseCode = "200", description = "The statement",
            content = @Content(schema = @Schema(implementation = StatementView.class)))
    public StatementView getStatement(@PathParam("id") long id) {
        return StatementView.of(statements.statement(id));
    }

    @GET
    @Path("{id}/rejections")
    @Permitted(module = Module.RECONCILIATION, action = Action.VIEW)
    @Operation(summary = "The rejected-rows report of an import: row number, the row as read, and why")
    public List<RejectionView> listStatementRejections(@PathParam("id") long id) {
        return statements.rejections(id).stream().map(RejectionView::of).toList();
    }

    @GET
    @Path("transactions")
    @Permitted(module = Module.RECONCILIATION, action = Action.VIEW)
    @Operation(summary = "Stored bank movements by status (UNMATCHED, MATCHED, IGNORED), account and dates")
    public PageView<TransactionView> listBankTransactions(@QueryParam("status") CreditState status,
                                                          @QueryParam("account") String account,
                                                          @QueryParam("from") LocalDate from,
                                                          @QueryParam("to") LocalDate to,
                                                          @QueryParam("page") Integer page,
                                                          @QueryParam("size") Integer size) {
        Page<TransactionView> result = statements.transactions(status, account, from, to, Page.number(page),
                Page.size(size, 50)).map(TransactionView::of);
        return PageView.of(result);
    }

    @POST
    @Path("transactions/{id}/ignore")
    @Permitted(module = Module.RECONCILIATION, action = Action.EDIT)
    @Operation(summary = "Mark a credit as not a customer payment, with the reason; needs If-Match")
    @APIResponse(responseCode = "200", description = "Ignored",
            content = @Content(schema = @Schema(implementation = TransactionView.class)))
    public Response ignoreBankTransaction(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                                          @Valid ReasonBody body) {
        BankTransaction t = statements.ignore(id, ETags.requireVersion(ifMatch), body.reason);
        return Response.ok(TransactionView.of(t)).tag(ETags.of(t.getVersion())).build();
    }

    @POST
    @Path("matching")
    @Permitted(module = Module.RECONCILIATION, action = Action.EDIT)
    @Operation(summary = "Run the matching job over every unmatched credit",
            description = "Credits are matched to transfer, card and wallet payments by amount (exact or within the "
                    + "tolerance), date window, reference and payer name; one deposit may cover several payments and "
                    + "several deposits may settle one order. Above the threshold a match is made, below it waits as a "
                    + "suggestion. Earlier suggestions are replaced.")
    @APIResponse(responseCode = "202", description = "Matching started",
            content = @Content(schema = @Schema(implementation = JobRunView.class)))
    public Response runMatching() {
        return Response.accepted(JobRunView.of(jobs.startMatching())).build();
    }

    @GET
    @Path("suggestions")
    @Permitted(module = Module.RECONCILIATION, action = Action.VIEW)
    @Operation(summary = "Suggested matches waiting for a person, best score first")
    public PageView<MatchView> listMatchSuggestions(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return matchPage(BankMatch.Status.SUGGESTED, page, size);
    }

    @GET
    @Path("matches")
    @Permitted(module = Module.RECONCILIATION, action = Action.VIEW)
    @Operation(summary = "Matches by status: MATCHED (standing), UNMATCHED (undone), DISMISSED, SUGGESTED")
    public PageView<MatchView> listBankMatches(@QueryParam("status") BankMatch.Status status, @QueryParam("page") Integer page,
                                               @QueryParam("size") Integer size) {
        return matchPage(status, page, size);
    }

    private PageView<MatchView> matchPage(BankMatch.Status status, Integer page, Integer size) {
        Page<MatchView> result = matching.matches(status, Page.number(page), Page.size(size, 50)).map(MatchView::of);
        return PageView.of(result);
    }

    @GET
    @Path("open-payments")
    @Permitted(module = Module.RECONCILIATION, action = Action.VIEW)
    @Operation(summary = "Card, transfer and wallet payments not matched yet, paid between two days")
    public List<OpenPaymentView> listOpenPayments(@QueryParam("from") LocalDate f, @QueryParam("to") LocalDate t) {
        if (f == null || t == null) {
            throw new RuleViolation("from and to: give both days, like 2026-11-01 and 2026-11-30.");
        }
        return matching.openPayments(f, t).stream().map(OpenPaymentView::of).toList();
    }

    @POST
    @Path("matches")
    @Permitted(module = Module.RECONCILIATION, action = Action.EDIT)
    @Operation(summary = "Match credits and payments by hand",
            description = "Any shape: one deposit for several payments, several deposits for one order. The credits "
                    + "must be unmatched and the payments open.")
    @APIResponse(responseCode = "201", description = "Matched",
            content = @Content(schema = @Schema(implementation = MatchView.class)))
    public Response matchByHand(@Valid MatchBody body) {
        BankMatch m = matching.matchByHand(body.transactionIds, body.paymentIds, body.note);
        return Response.status(Response.Status.CREATED).entity(MatchView.of(m)).tag(ETags.of(m.getVersion())).build();
    }

    @POST
    @Path("transactions/{id}/settle")
    @Permitted(module = Module.RECONCILIATION, action = Action.EDIT)
    @Operation(summary = "A bank credit pays an unpaid or partly paid order",
            description = "Takes the order's payment by bank transfer now (today's business day at the order's "
                    + "location), for the credit's amount up to the balance due, with the statement's reference, and "
                    + "matches the credit to it. Needs payments:create too; refused (409) while today is closed.")
    @APIResponse(responseCode = "201", description = "Paid and matched",
            content = @Content(schema = @Schema(implementation = MatchView.class)))
    public Response settleOrderWithCredit(@PathParam("id") long id, @Valid @jakarta.validation.constraints.NotNull
                                          SettleBody body) {
        BankMatch m = matching.settleOrder(id, body.orderId, body.note);
        return Response.status(Response.Status.CREATED).entity(MatchView.of(m)).tag(ETags.of(m.getVersion())).build();
    }

    @Schema(name = "BankCreditSettlement")
    public static final class SettleBody {
        @Schema(description = "The order the credit pays", example = "1234")
        @jakarta.validation.constraints.NotNull
        public Long orderId;
        @jakarta.validation.constraints.Size(max = 300)
        public String note;
    }

    @POST
    @Path("matches/{id}/accept")
    @Permitted(module = Module.RECONCILIATION, action = Action.EDIT)
    @Operation(summary = "Accept a suggestion: its credits and payments are matched; needs If-Match")
    @APIResponse(responseCode = "200", description = "Matched",
            content = @Content(schema = @Schema(implementation = MatchView.class)))
    public Response acceptMatchSuggestion(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        BankMatch m = matching.accept(id, ETags.requireVersion(ifMatch));
        return Response.ok(MatchView.of(m)).tag(ETags.of(m.getVersion())).build();
    }

    @POST
    @Path("matches/{id}/dismiss")
    @Permitted(module = Module.RECONCILIATION, action = Action.EDIT)
    @Operation(summary = "Dismiss a suggestion; the matching does not offer the same pairing again; needs If-Match")
    @APIResponse(responseCode = "200", description = "Dismissed",
            content = @Content(schema = @Schema(implementation = MatchView.class)))
    public Response dismissMatchSuggestion(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        BankMatch m = matching.dismiss(id, ETags.requireVersion(ifMatch));
        return Response.ok(MatchView.of(m)).tag(ETags.of(m.getVersion())).build();
    }

    @POST
    @Path("matches/{id}/unmatch")
    @Permitted(module = Module.RECONCILIATION, action = Action.EDIT)
    @Operation(summary = "Undo a standing match with a reason; its credits and payments are open again; needs If-Match")
    @APIResponse(responseCode = "200", description = "Undone",
            content = @Content(schema = @Schema(implementation = MatchView.class)))
    public Response unmatchBankMatch(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                                     @Valid ReasonBody body) {
        BankMatch m = matching.unmatch(id, ETags.requireVersion(ifMatch), body.reason);
        return Response.ok(MatchView.of(m)).tag(ETags.of(m.getVersion())).build();
    }

    @GET
    @Path("profiles")
    @Permitted(module = Module.RECONCILIATION, action = Action.VIEW)
    @Operation(summary = "Bank profiles: how each bank's export is laid out")
    public List<BankProfileView> listBankProfiles() {
        return statements.profiles().stream().map(BankProfileView::of).toList();
    }

    @POST
    @Path("profiles")
    @Permitted(module = Module.RECONCILIATION, action = Action.EDIT)
    @Operation(summary = "Create a bank profile (column mapping; columns count from 0)")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = BankProfileView.class)))
    public Response createBankProfile(@Valid ProfileBody body) {
        BankLayout p = statements.createProfile(body.code, body.mapping());
        return Response.status(Response.Status.CREATED).entity(BankProfileView.of(p)).tag(ETags.of(p.getVersion())).build();
    }

    @PUT
    @Path("profiles/{id}")
    @Permitted(module = Module.RECONCILIATION, action = Action.EDIT)
    @Operation(summary = "Change a bank profile's mapping; needs If-Match (the code stays)")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = BankProfileView.class)))
    public Response updateBankProfile(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                                      @Valid ProfileBody body) {
        BankLayout p = statements.updateProfile(id, ETags.requireVersion(ifMatch), body.mapping());
        return Response.ok(BankProfileView.of(p)).tag(ETags.of(p.getVersion())).build();
    }

    @Schema(name = "BankStatementImportBody")
    public static final class ImportBody {
        @NotNull
        public Long profileId;
        @Schema(example = "191-2345678-0-12")
        @NotBlank @Size(max = 40)
        public String accountNumber;
        @Schema(example = "bcp-noviembre.xlsx")
        @NotBlank @Size(max = 200)
        public String fileName;
        @Schema(format = "byte", description = "The file, base64-encoded")
        @NotBlank
        public String content;
    }

    @Schema(name = "BankMatchBody")
    public static final class MatchBody {
        @Schema(type = SchemaType.ARRAY, implementation = Long.class, description = "Bank movements (credits)")
        @NotNull @Size(min = 1, max = 20)
        public List<Long> transactionIds;
        @Schema(type = SchemaType.ARRAY, implementation = Long.class, description = "Order payments")
        @NotNull @Size(min = 1, max = 20)
        public List<Long> paymentIds;
        @Size(max = 300)
        public String note;
    }

    @Schema(name = "ReasonBody")
    public static final class ReasonBody {
        @Schema(example = "Intereses de la cuenta")
        @NotBlank @Size(max = 300)
        public String reason;
    }

    @Schema(name = "BankProfileBody")
    public static final class ProfileBody {
        @Schema(example = "BCP")
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{2,20}")
        public String code;
        @Schema(example = "BCP cuenta corriente soles")
        @NotBlank @Size(max = 120)
        public String name;
        @Schema(example = "PEN")
        @NotBlank @Pattern(regexp = "[A-Z]{3}")
        public String currency;
        @Schema(example = ",")
        @NotBlank @Size(min = 1, max = 1)
        public String csvSeparator = ",";
        @Min(0) @Max(50)
        public int headerRows = 1;
        @Min(0) @Max(200)
        public int dateColumn;
        @Schema(example = "dd/MM/yyyy")
        @NotBlank @Size(max = 30)
        public String datePattern;
        @Min(0) @Max(200)
        public Integer amountColumn;
        @Min(0) @Max(200)
        public Integer creditColumn;
        @Min(0) @Max(200)
        public Integer debitColumn;
        @Schema(example = ".")
        @NotBlank @Pattern(regexp = "[.,]")
        public String decimalSeparator;
        @Schema(example = ",")
        @Size(max = 1)
        public String thousandsSeparator;
        @Min(0) @Max(200)
        public int descriptionColumn;
        @Min(0) @Max(200)
        public Integer referenceColumn;
        @Min(0) @Max(200)
        public Integer counterpartyColumn;

        BankLayout.Mapping mapping() {
            return new BankLayout.Mapping(name, currency, csvSeparator, headerRows, dateColumn, datePattern, amountColumn,
                    creditColumn, debitColumn, decimalSeparator, thousandsSeparator, descriptionColumn, referenceColumn,
                    counterpartyColumn);
        }
    }
}
