package io.cuadra.reconciliation.domain.bank;

import java.io.Serializable;
import java.util.List;

/**
 * What the engine proposes: matches to apply at once, and suggestions for a person to confirm.
 * No credit or payment appears in two automatic matches, nor in a suggestion next to an automatic match.
 */
public record MatchingResult(List<MatchProposal> automatic, List<MatchProposal> suggestions) implements Serializable {

    public MatchingResult {
        automatic = List.copyOf(automatic);
        suggestions = List.copyOf(suggestions);
    }
}
