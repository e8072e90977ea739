package io.cuadra.audit.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sealing committed lines into a tenant's chain, and the check that names the first line that does not hold. */
class AuditChainTest {

    private static final long TENANT = 7;

    @Test
    void linesAreSealedInIdOrderWhateverOrderTheyAreReadIn() {
        List<AuditChain.Pending> pending = pending(TENANT, 10, 3, 7, 1, 12);
        List<AuditChain.Pending> shuffled = new ArrayList<>(pending);
        Collections.shuffle(shuffled, new Random(42));

        List<AuditChain.Sealed> sealed = AuditChain.seal(AuditChain.Head.EMPTY, shuffled);

        assertThat(sealed).extracting(AuditChain.Sealed::id).containsExactly(1L, 3L, 7L, 10L, 12L);
        assertThat(sealed).extracting(s -> s.record().seq()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(sealed.get(0).record().prevHash()).isEqualTo(AuditRecord.GENESIS);
        for (int i = 1; i < sealed.size(); i++) {
            assertThat(sealed.get(i).record().prevHash()).isEqualTo(sealed.get(i - 1).record().hash());
        }
        assertThat(AuditChain.seal(AuditChain.Head.EMPTY, pending)).as("deterministic").isEqualTo(sealed);
        assertThat(verify(records(sealed)).broken()).isEmpty();
    }

    @Test
    void sealingInRoundsGivesTheChainOfOneRoundAndALateCommitJoinsTheEnd() {
        List<AuditChain.Pending> all = pending(TENANT, 1, 2, 3, 4, 5, 6);
        List<AuditChain.Sealed> once = AuditChain.seal(AuditChain.Head.EMPTY, all);

        List<AuditChain.Sealed> first = AuditChain.seal(AuditChain.Head.EMPTY, all.subList(0, 2));
        List<AuditChain.Sealed> second = AuditChain.seal(AuditChain.Head.headAfter(first), all.subList(2, 6));
        List<AuditChain.Sealed> rounds = new ArrayList<>(first);
        rounds.addAll(second);
        assertThat(rounds).isEqualTo(once);

        // Line 5 was written by a transaction that committed after 6 and 7 were sealed: it is sealed next.
        List<AuditChain.Sealed> early = AuditChain.seal(AuditChain.Head.EMPTY, pending(TENANT, 1, 2, 6, 7));
        List<AuditChain.Sealed> late = AuditChain.seal(AuditChain.Head.headAfter(early), pending(TENANT, 5));
        assertThat(late.get(0).record().seq()).isEqualTo(5);
        List<AuditRecord> chain = records(early);
        chain.addAll(records(late));
        AuditChainCheck check = verify(chain);
        assertThat(check.broken()).isEmpty();
        assertThat(check.checked()).isEqualTo(5);
    }

    @Test
    void theCheckNamesTheFirstAlteredLine() {
        List<AuditRecord> chain = records(AuditChain.seal(AuditChain.Head.EMPTY, pending(TENANT, 1, 2, 3, 4, 5)));
        AuditRecord third = chain.get(2);
        chain.set(2, new AuditRecord(third.tenantId(), third.seq(), third.at(), third.userId(), "someone-else@x.test",
                third.action(), third.entityType(), third.entityId(), third.changes(), third.ip(), third.userAgent(),
                third.prevHash(), third.hash()));

        AuditChainCheck check = verify(chain);
        assertThat(check.broken()).get().extracting(AuditChainCheck.Broken::seq).isEqualTo(3L);
        assertThat(check.broken().get().reason()).contains("altered");
    }

    @Test
    void theCheckNamesARemovedOrRechainedLine() {
        List<AuditRecord> chain = records(AuditChain.seal(AuditChain.Head.EMPTY, pending(TENANT, 1, 2, 3, 4, 5)));
        List<AuditRecord> removed = new ArrayList<>(chain);
        removed.remove(1);
        assertThat(verify(removed).broken()).get().extracting(AuditChainCheck.Broken::seq).isEqualTo(3L);
        assertThat(verify(removed).broken().get().reason()).contains("sequence 2 is missing");

        // Line 4 rewritten and re-hashed on its own: its successor no longer follows it.
        AuditRecord fourth = chain.get(3);
        AuditEvent altered = new AuditEvent(TENANT, fourth.at(), fourth.userId(), fourth.userEmail(), "user.deleted",
                fourth.entityType(), fourth.entityId(), fourth.changes(), fourth.ip(), fourth.userAgent());
        List<AuditRecord> rehashed = new ArrayList<>(chain);
        rehashed.set(3, AuditRecord.chain(altered, 4, fourth.prevHash()));
        assertThat(verify(rehashed).broken()).get().extracting(AuditChainCheck.Broken::seq).isEqualTo(5L);
        assertThat(verify(rehashed).broken().get().reason()).contains("does not follow line 4");
    }

    @Test
    void oneTenantsChainAtATime() {
        List<AuditChain.Pending> mixed = new ArrayList<>(pending(TENANT, 1));
        mixed.addAll(pending(TENANT + 1, 2));
        assertThatThrownBy(() -> AuditChain.seal(AuditChain.Head.EMPTY, mixed))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(AuditChain.seal(new AuditChain.Head(9, "a".repeat(64)), List.of())).isEmpty();
    }

    private static List<AuditChain.Pending> pending(long tenant, long... ids) {
        List<AuditChain.Pending> list = new ArrayList<>();
        for (long id : ids) {
            list.add(new AuditChain.Pending(id, new AuditEvent(tenant, Instant.parse("2026-12-06T10:00:00.123456Z")
                    .plusSeconds(id), id % 2 == 0 ? null : 100 + id, "user" + id + "@x.test", "order.created", "Order",
                    String.valueOf(1000 + id), "{\"total\":{\"after\":\"" + id + ".50\"}}", "10.0.0." + id, "it")));
        }
        return list;
    }

    private static List<AuditRecord> records(List<AuditChain.Sealed> sealed) {
        return new ArrayList<>(sealed.stream().map(AuditChain.Sealed::record).toList());
    }

    private static AuditChainCheck verify(List<AuditRecord> chain) {
        AuditChainCheck check = new AuditChainCheck();
        chain.forEach(check::accept);
        return check;
    }
}
