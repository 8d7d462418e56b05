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
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds to {@link CaseIndex} the cases the engine's history holds but the index does not (those begun
 * before the index existed), once, after start-up, in the background: a batch of cases at a time,
 * each in its own transaction, from the history only (case number, starter, start and end, outcome,
 * the officials who completed its tasks) plus what its workflow's {@link CaseDescriber} says. Cases
 * the engine moves meanwhile are indexed by the listeners as usual.
 */
@Component
class CaseIndexBackfill {

    private static final Logger log = LoggerFactory.getLogger(CaseIndexBackfill.class);
    private static final int BATCH = 200;

    private final CaseIndex index;
    private final HistoryService history;
    private final ManagementService management;
    private final TransactionTemplate transaction;

    CaseIndexBackfill(CaseIndex index, HistoryService history, ManagementService management,
            PlatformTransactionManager transactions) {
        this.index = index;
        this.history = history;
        this.management = management;
        this.transaction = new TransactionTemplate(transactions);
    }

    @EventListener(ApplicationReadyEvent.class)
    void startInBackground() {
        Thread thread = new Thread(this::run, "case-index-backfill");
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
