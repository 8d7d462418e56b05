package cn.streetgov.admin;

import cn.streetgov.audit.AuditEvent;
import cn.streetgov.audit.AuditEventType;
import cn.streetgov.audit.AuditTrail;
import cn.streetgov.common.InvalidInputException;
import cn.streetgov.common.NotFoundException;
import cn.streetgov.security.CurrentUser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the running cases of one version of a process to another version (Cockpit CE cannot):
 * the engine's migration API with the activities of equal id mapped onto each other
 * ({@code mapEqualActivities}, event triggers updated). Each case is moved in its own transaction
 * with its audit record ({@link AuditEventType#MIGRATION}), so a case that cannot be moved (it
 * waits in a step the new version no longer has) is reported and the others move. A dry run does
 * the same and rolls every transaction back: what it reports is what the engine would do.
 * The engine's own authorizations apply (the administrator's MIGRATE_INSTANCE on both versions).
 */
@Service
class ProcessMigrations {

    /** Cases moved by one call; the rest are moved by calling again. */
    static final int MAX_PER_CALL = 500;

    private static final String NO_INSTRUCTION = "no migration instruction";
    private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";
    private static final Logger log = LoggerFactory.getLogger(ProcessMigrations.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final AuditTrail audit;
    private final TransactionTemplate eachCase;

    ProcessMigrations(RepositoryService repository, RuntimeService runtime, IdentityService identity,
            AuditTrail audit, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.runtime = runtime;
        this.identity = identity;
        this.audit = audit;
        this.eachCase = new TransactionTemplate(transactions);
        this.eachCase.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    record Request(String processDefinitionKey, Integer fromVersion, Integer toVersion, Boolean dryRun) {
    }

    record Moved(String processInstanceId, String caseNo, List<String> waitingAt) {
    }

    record NotMoved(String processInstanceId, String caseNo, List<String> reasons) {
    }

    record Result(String processDefinitionKey, String processName, int fromVersion, int toVersion, boolean dryRun,
            List<Moved> migrated, List<NotMoved> notMigrated, int remaining, String message) {
    }

    Result migrate(Request request, CurrentUser admin) {
        String key = request.processDefinitionKey() == null ? "" : request.processDefinitionKey().trim();
        if (key.isEmpty() || request.fromVersion() == null) {
            throw new InvalidInputException("请给出流程标识 processDefinitionKey 和原版本号 fromVersion");
        }
        ProcessDefinition source = version(key, request.fromVersion());
        ProcessDefinition target = request.toVersion() == null ? latest(key) : version(key, request.toVersion());
        if (source.getId().equals(target.getId())) {
            throw new InvalidInputException("原版本与目标版本相同（第 " + source.getVersion() + " 版），无需迁移");
        }
        boolean dryRun = Boolean.TRUE.equals(request.dryRun());
        identity.setAuthentication(admin.userId(), List.copyOf(admin.groupIds()));
        try {
            MigrationPlan plan = plan(source, target);
            List<ProcessInstance> cases = runtime.createProcessInstanceQuery().processDefinitionId(source.getId())
                    .orderByProcessInstanceId().asc().listPage(0, MAX_PER_CALL);
            long total = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).count();
            List<Moved> moved = new ArrayList<>();
            List<NotMoved> notMoved = new ArrayList<>();
            Set<String> mapped = plan.getInstructions().stream().map(MigrationInstruction::getSourceActivityId)
                    .collect(Collectors.toSet());
            for (ProcessInstance instance : cases) {
                List<String> unmapped = unmappedActivities(instance, mapped, source);
                if (!unmapped.isEmpty()) {
                    notMoved.add(new NotMoved(instance.getId(), instance.getBusinessKey(), unmapped.stream()
                            .map(activity -> reason(activity, List.of(NO_INSTRUCTION))).toList()));
                    continue;
                }
                try {
                    moved.add(eachCase.execute(status -> {
                        Moved one = moveOne(instance, plan, source, target, admin);
                        if (dryRun) {
                            status.setRollbackOnly();
                        }
                        return one;
                    }));
                } catch (MigratingProcessInstanceValidationException e) {
                    notMoved.add(new NotMoved(instance.getId(), instance.getBusinessKey(),
                            reasons(e.getValidationReport(), source)));
                }
            }
            int remaining = (int) Math.max(0, total - cases.size());
            Result result = new Result(key, target.getName(), source.getVersion(), target.getVersion(), dryRun,
                    moved, notMoved, remaining, message(source, target, dryRun, moved.size(), notMoved.size(), remaining));
            log.info("{}（{}）", result.message(), admin.userId());
            return result;
        } finally {
            identity.clearAuthentication();
        }
    }

    private Moved moveOne(ProcessInstance instance, MigrationPlan plan, ProcessDefinition source,
            ProcessDefinition target, CurrentUser admin) {
        runtime.newMigration(plan).processInstanceIds(instance.getId()).execute();
        List<String> waitingAt = runtime.getActiveActivityIds(instance.getId()).stream()
                .map(id -> activityName(target, id)).distinct().toList();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fromVersion", source.getVersion());
        details.put("toVersion", target.getVersion());
        details.put("fromDefinitionId", source.getId());
        details.put("toDefinitionId", target.getId());
        details.put("waitingAt", waitingAt);
        audit.record(new AuditEvent(instance.getId(), instance.getBusinessKey(), source.getKey(),
                AuditEventType.MIGRATION, null, null, null, admin.userId(), CurrentUser.ADMIN, "系统管理员", null,
                "由第 " + source.getVersion() + " 版迁移到第 " + target.getVersion() + " 版", json(details),
                ClockUtil.getCurrentTime().toInstant()));
        return new Moved(instance.getId(), instance.getBusinessKey(), waitingAt);
    }

    /** The steps the case waits in that the plan does not map (the engine would refuse the case for them). */
    private List<String> unmappedActivities(ProcessInstance instance, Set<String> mapped, ProcessDefinition source) {
        List<String> unmapped = new ArrayList<>();
        Deque<ActivityInstance> open = new ArrayDeque<>(List.of(runtime.getActivityInstance(instance.getId())
                .getChildActivityInstances()));
        while (!open.isEmpty()) {
            ActivityInstance activity = open.pop();
            // a multi-instance body goes with its inner activity: the engine checks it
            if (!activity.getActivityId().endsWith(MULTI_INSTANCE_BODY) && !mapped.contains(activity.getActivityId())) {
                unmapped.add(activityName(source, activity.getActivityId()));
            }
            open.addAll(List.of(activity.getChildActivityInstances()));
        }
        return unmapped.stream().distinct().toList();
    }

    private MigrationPlan plan(ProcessDefinition source, ProcessDefinition target) {
        try {
            return runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities()
                    .updateEventTriggers().build();
        } catch (MigrationPlanValidationException e) {
            List<String> reasons = new ArrayList<>();
            for (MigrationInstructionValidationReport report : e.getValidationReport().getInstructionReports()) {
                reasons.add("环节「" + activityName(source, report.getMigrationInstruction().getSourceActivityId())
                        + "」无法对应到新版本：" + String.join("；", report.getFailures()));
            }
            reasons.addAll(e.getValidationReport().getVariableReports().values().stream()
                    .flatMap(r -> r.getFailures().stream()).toList());
            throw new InvalidInputException(reasons.isEmpty() ? List.of("无法生成迁移计划") : reasons);
        }
    }

    private List<String> reasons(MigratingProcessInstanceValidationReport report, ProcessDefinition source) {
        List<String> reasons = new ArrayList<>();
        for (MigratingActivityInstanceValidationReport a : report.getActivityInstanceReports()) {
            reasons.add(reason(activityName(source, a.getSourceScopeId()), a.getFailures()));
        }
        for (MigratingTransitionInstanceValidationReport t : report.getTransitionInstanceReports()) {
            reasons.add(reason(activityName(source, t.getSourceScopeId()), t.getFailures()));
        }
        report.getFailures().forEach(failure -> reasons.add("案件无法迁移：" + failure));
        return reasons;
    }

    private static String reason(String activity, List<String> failures) {
        boolean unmapped = failures.stream().anyMatch(f -> f.contains(NO_INSTRUCTION));
        if (unmapped) {
            return "停在环节「" + activity + "」，新版本中没有这个环节（环节 id 不同或已删除），未迁移";
        }
        return "环节「" + activity + "」无法迁移：" + String.join("；", failures);
    }

    private static String message(ProcessDefinition source, ProcessDefinition target, boolean dryRun, int moved,
            int notMoved, int remaining) {
        String name = source.getName() == null ? source.getKey() : source.getName();
        StringBuilder text = new StringBuilder(dryRun ? "试运行（未做任何改动）：" : "")
                .append(name).append(" 第 ").append(source.getVersion()).append(" 版 → 第 ")
                .append(target.getVersion()).append(" 版：")
                .append(dryRun ? "可迁移 " : "已迁移 ").append(moved).append(" 个案件");
        if (notMoved > 0) {
            text.append("，").append(notMoved).append(" 个案件无法迁移（原因见 notMigrated）");
        }
        if (remaining > 0) {
            text.append("；另有 ").append(remaining).append(" 个案件未处理（每次最多 ").append(MAX_PER_CALL)
                    .append(" 个），请再次调用");
        }
        return text.toString();
    }

    private ProcessDefinition version(String key, int version) {
        if (version < 1) {
            throw new InvalidInputException("版本号应为正整数（第 1 版起）: " + version);
        }
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .processDefinitionVersion(version).withoutTenantId().singleResult();
        if (definition == null) {
            throw new NotFoundException("流程 " + key + " 没有第 " + version + " 版");
        }
        return definition;
    }

    private ProcessDefinition latest(String key) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .withoutTenantId().latestVersion().singleResult();
        if (definition == null) {
            throw new NotFoundException("没有流程 " + key);
        }
        return definition;
    }

    private String activityName(ProcessDefinition definition, String activityId) {
        if (activityId == null) {
            return "";
        }
        String id = activityId.replace(MULTI_INSTANCE_BODY, "");
        FlowElement element = repository.getBpmnModelInstance(definition.getId()).getModelElementById(id);
        return element == null || element.getName() == null ? id : element.getName();
    }

    private static String json(Map<String, Object> details) {
        try {
            return JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
