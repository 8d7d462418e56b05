package cn.streetgov.casework;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The kernel's index of every workflow's cases ({@code case_index}) and of who completed a task of
 * which ({@code case_index_done}): what the officials' lists (已办, 我发起的) page and search in the
 * database. The engine keeps it current through {@link CaseIndexPlugin} — a case's start, each task
 * created (the subject may change as the case moves), each task completed, the end — and each
 * workflow's {@link CaseDescriber} says what a case is about and whose it is. Cases begun before the
 * index existed are added at start-up ({@link CaseIndexBackfill}).
 */
@Service
public class CaseIndex {

    private static final Logger log = LoggerFactory.getLogger(CaseIndex.class);

    /** The outcome of a case an administrator cancelled (deleted) before it ended by itself. */
    public static final String CANCELLED = "CANCELLED";
    static final String CANCELLED_LABEL = "已终止";

    /** Which cases a list shows. */
    public enum State {
        ALL, RUNNING, ENDED
    }

    private final IndexedCaseRepository cases;
    private final DoneStepRepository done;
    private final ObjectProvider<CaseDescriber> describers;
    private final CaseOutcomes outcomes;

    CaseIndex(IndexedCaseRepository cases, DoneStepRepository done, ObjectProvider<CaseDescriber> describers,
            CaseOutcomes outcomes) {
        this.outcomes = outcomes;
        this.cases = cases;
        this.done = done;
        this.describers = describers;
    }

    /** What the engine knows of a case when it starts (or when the index first meets it). */
    record Start(String processInstanceId, String parentInstanceId, String processKey, String processDefinitionId,
            String processName, String starterUser, Instant startedAt) {
    }

    // ------------------------------------------------------------------ kept by the engine

    /** The case is there (created if the index has not met it yet) and describes itself as it stands now. */
    @Transactional
    void refresh(Start start, CaseDescriber.Facts facts) {
        upsert(start).describe(facts.caseNo(), describe(start.processKey(), facts));
    }

    /** The case has ended, with the outcome its {@code outcome} variable holds (or its describer gives). */
    @Transactional
    void ended(Start start, CaseDescriber.Facts facts, boolean cancelled, Instant at) {
        IndexedCase row = upsert(start);
        CaseDescriber.Description description = describe(start.processKey(), facts);
        row.describe(facts.caseNo(), description);
        String outcome = facts.text("outcome");
        if (outcome == null && description != null) {
            outcome = description.outcome();
        }
        if (outcome == null && cancelled) {
            outcome = CANCELLED;
        }
        row.end(at, outcome);
    }

    private IndexedCase upsert(Start start) {
        return cases.findByProcessInstanceId(start.processInstanceId()).orElseGet(() -> cases.save(
                new IndexedCase(start.processInstanceId(), start.parentInstanceId(), start.processKey(),
                        start.processDefinitionId(), start.processName(), start.starterUser(), start.startedAt())));
    }

    /**
     * The user completed a task of the case: it is in their 已办 from now on, with this as their last
     * step. Also called for tasks outside the model (an added approver's sign task).
     */
    @Transactional
    public void recordDone(String processInstanceId, String userId, String taskId, String stepName) {
        recordDone(processInstanceId, userId, taskId, stepName, CaseClock.instant());
    }

    @Transactional
    void recordDone(String processInstanceId, String userId, String taskId, String stepName, Instant at) {
        if (processInstanceId == null || userId == null) {
            return;
        }
        DoneStep step = done.findByProcessInstanceIdAndUserId(processInstanceId, userId)
                .orElseGet(() -> new DoneStep(processInstanceId, userId));
        step.done(taskId, stepName, at);
        done.save(step);
    }

    private CaseDescriber.Description describe(String processKey, CaseDescriber.Facts facts) {
        CaseDescriber describer = describer(processKey);
        if (describer == null) {
            return null;
        }
        try {
            return describer.describe(facts);
        } catch (RuntimeException e) {
            // a case must never fail to move because its list entry cannot be written
            log.warn("案件 {} 的摘要无法生成（{}）：{}", facts.caseNo(), processKey, e.toString());
            return null;
        }
    }

    private CaseDescriber describer(String processKey) {
        return describers.orderedStream().filter(d -> d.processKey().equals(processKey)).findFirst().orElse(null);
    }

    // ------------------------------------------------------------------ read

    @Transactional(readOnly = true)
    public Optional<IndexedCase> find(String processInstanceId) {
        return cases.findByProcessInstanceId(processInstanceId);
    }

    /** The cases by engine instance, those the index has. */
    @Transactional(readOnly = true)
    public Map<String, IndexedCase> byInstance(Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return Map.of();
        }
        return cases.findByProcessInstanceIdIn(processInstanceIds).stream()
                .collect(Collectors.toMap(IndexedCase::getProcessInstanceId, Function.identity()));
    }

    /** The running cases the given cases started through a call activity. */
    @Transactional(readOnly = true)
    public List<IndexedCase> runningChildren(Collection<String> parentInstanceIds) {
        return parentInstanceIds.isEmpty() ? List.of() : cases.findByParentInstanceIdInAndEndedAtIsNull(parentInstanceIds);
    }

    /** The organisations the case belongs to (none when the index does not know it). */
    @Transactional(readOnly = true)
    public java.util.Set<String> orgCodes(String processInstanceId) {
        return find(processInstanceId).map(IndexedCase::orgCodes).orElse(java.util.Set.of());
    }

    /** The cases the user started, newest first; {@code q} a part of the case number or subject. */
    @Transactional(readOnly = true)
    public Page<IndexedCase> started(String userId, State state, String q, int page, int size) {
        return cases.started(userId, state.name(), pattern(q), PageRequest.of(page, size));
    }

    /** The user's last step on each case they completed a task of, the latest first. */
    @Transactional(readOnly = true)
    public Page<DoneStep> done(String userId, State state, String q, int page, int size) {
        return done.done(userId, state.name(), pattern(q), PageRequest.of(page, size));
    }

    /** The last task the user completed on the case, if any. */
    @Transactional(readOnly = true)
    public Optional<DoneStep> lastDone(String processInstanceId, String userId) {
        return done.findByProcessInstanceIdAndUserId(processInstanceId, userId);
    }

    /** The Chinese label of the case's outcome (never the code), or null when it has none. */
    public String outcomeLabel(String processKey, String outcome) {
        if (outcome == null) {
            return null;
        }
        return CANCELLED.equals(outcome) ? CANCELLED_LABEL : outcomes.label(processKey, outcome);
    }

    /** The earlier reports of the case that later steps work from (its workflow's {@link CaseDescriber}). */
    @Transactional(readOnly = true)
    public List<CaseDescriber.Report> reports(IndexedCase c) {
        CaseDescriber describer = describer(c.getProcessKey());
        return describer == null ? List.of()
                : describer.reports(new CaseDescriber.Facts(c.getProcessInstanceId(), c.getCaseNo(), Map.of()));
    }

    /** A LIKE pattern matching text that contains {@code q} (any text when blank), escaped with '!'. */
    static String pattern(String q) {
        if (q == null || q.isBlank()) {
            return "%";
        }
        String escaped = q.trim().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }
}
