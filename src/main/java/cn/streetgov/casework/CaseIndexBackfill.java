package cn.streetgov.casework;

import cn.streetgov.common.PlainVariables;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds to {@link CaseIndex} the cases the engine's history holds but the index does not (those begun
 * before the index existed), once, after start-up, in the background: a batch of cases at a time,
 * each in its own transaction, from the history only (case number, starter, start and end, outcome,
 * the officials who completed its tasks) plus what its workflow's {@link CaseDescriber} says. Cases
 * the engine moves meanwhile are indexed by the listeners as usual. Before that, cases indexed before
 * {@code case_index_org} existed get its rows, one per code of their {@code org_codes}.
 */
@Component
class CaseIndexBackfill {

    private static final Logger log = LoggerFactory.getLogger(CaseIndexBackfill.class);
    private static final int BATCH = 200;

    private final CaseIndex index;
    private final HistoryService history;
    private final ManagementService management;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;

    CaseIndexBackfill(CaseIndex index, HistoryService history, ManagementService management,
            PlatformTransactionManager transactions, JdbcTemplate jdbc) {
        this.index = index;
        // a batch at a time
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setMaxRows(BATCH);
        this.history = history;
        this.management = management;
        this.transaction = new TransactionTemplate(transactions);
    }

    @EventListener(ApplicationReadyEvent.class)
    void startInBackground() {
        Thread thread = new Thread(() -> {
            fillOrganisations();
            run();
        }, "case-index-backfill");
        thread.setDaemon(true);
        thread.start();
    }

    /** Indexes every case not yet indexed; answers how many. */
    int run() {
        int added = 0;
        int failed = 0;
        try {
            List<HistoricProcessInstance> batch;
            do {
                // those that could not be added stay missing, first in the order: skip them
                batch = missing(failed);
                for (HistoricProcessInstance instance : batch) {
                    try {
                        transaction.executeWithoutResult(status -> add(instance));
                        added++;
                    } catch (RuntimeException e) {
                        failed++;
                        log.warn("案件 {} 未能补入案件索引：{}", instance.getId(), e.toString());
                    }
                }
            } while (batch.size() == BATCH);
        } catch (RuntimeException e) {
            log.warn("补建案件索引中断：{}", e.toString());
        }
        if (added > 0 || failed > 0) {
            log.info("案件索引：补入 {} 个早先的案件，{} 个未能补入", added, failed);
        }
        return added;
    }

    /**
     * Gives every indexed case with organisations but no rows in {@code case_index_org} its rows (the
     * cases indexed before the table existed); answers how many cases.
     */
    int fillOrganisations() {
        int filled = 0;
        try {
            List<Map<String, Object>> batch;
            do {
                batch = jdbc.queryForList("select c.id, c.org_codes, c.started_at from case_index c where c.org_codes is not null"
                        + " and c.org_codes <> '' and not exists (select 1 from case_index_org o"
                        + " where o.case_index_id = c.id) order by c.id");
                List<Object[]> rows = new java.util.ArrayList<>();
                for (Map<String, Object> row : batch) {
                    long id = ((Number) row.get("id")).longValue();
                    Object started = row.get("started_at");
                    java.util.Arrays.stream(String.valueOf(row.get("org_codes")).split(",")).map(String::trim)
                            .filter(code -> !code.isEmpty() && code.length() <= 64).distinct()
                            .forEach(code -> rows.add(new Object[] {id, code, started}));
                }
                if (rows.isEmpty()) {
                    break;
                }
                transaction.executeWithoutResult(status -> jdbc.batchUpdate(
                        "insert into case_index_org (case_index_id, org_code, started_at) values (?, ?, ?)", rows));
                filled += batch.size();
            } while (batch.size() == BATCH);
        } catch (RuntimeException e) {
            log.warn("补建案件索引的所属单位中断：{}", e.toString());
        }
        if (filled > 0) {
            log.info("案件索引：为 {} 个早先的案件补入所属单位", filled);
        }
        return filled;
    }

    private List<HistoricProcessInstance> missing(int skip) {
        String table = management.getTableName(HistoricProcessInstance.class);
        return history.createNativeHistoricProcessInstanceQuery()
                .sql("select * from " + table + " p where not exists (select 1 from case_index i"
                        + " where i.process_instance_id = p.ID_) order by p.ID_")
                .listPage(skip, BATCH);
    }

    private void add(HistoricProcessInstance instance) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).disableCustomObjectDeserialization().list()) {
            // the case's own variables, not those local to one of its steps
            if (instance.getId().equals(variable.getActivityInstanceId())) {
                Object value = PlainVariables.plain(variable.getTypedValue());
                if (value != null) {
                    variables.putIfAbsent(variable.getName(), value);
                }
            }
        }
        String caseNo = instance.getBusinessKey() != null ? instance.getBusinessKey()
                : variables.get(CaseRefs.CASE_NO) == null ? null : variables.get(CaseRefs.CASE_NO).toString();
        CaseIndex.Start start = new CaseIndex.Start(instance.getId(), instance.getSuperProcessInstanceId(),
                instance.getProcessDefinitionKey(), instance.getProcessDefinitionId(),
                instance.getProcessDefinitionName(), instance.getStartUserId(), instance.getStartTime().toInstant());
        CaseDescriber.Facts facts = new CaseDescriber.Facts(instance.getId(), caseNo, variables);
        if (instance.getEndTime() == null) {
            index.refresh(start, facts);
        } else {
            boolean cancelled = instance.getState() != null && instance.getState().endsWith("TERMINATED");
            index.ended(start, facts, cancelled, instance.getEndTime().toInstant());
        }
        // each official's last completed task (by end time: whole seconds on MariaDB, close enough here)
        Map<String, HistoricTaskInstance> last = new LinkedHashMap<>();
        history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).finished().list().stream()
                .filter(t -> t.getAssignee() != null && "completed".equals(t.getDeleteReason()))
                .sorted(Comparator.comparing(HistoricTaskInstance::getEndTime))
                .forEach(t -> last.put(t.getAssignee(), t));
        last.values().forEach(t -> index.recordDone(instance.getId(), t.getAssignee(), t.getId(), t.getName(),
                t.getEndTime().toInstant()));
    }
}
