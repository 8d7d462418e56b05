package cn.streetgov.audit;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Officials completing tasks of the same case take their turns on the case's audit chain head,
 * before the engine reads the case. Two parallel tasks of one case (two streets' capacity reviews)
 * completed at the same moment would otherwise both read the case, and the engine would refuse the
 * second at commit (its optimistic locking); the audit append in between already took turns on the
 * head. Locking the head at the start of the completion lets the second wait for the first's commit
 * and then read the case as the first left it: both succeed, and the chain stays one chain.
 * <p>
 * Runs inside the engine's transaction, after the command context is opened and before the
 * command runs (a post command interceptor). Only task completions take turns here: other commands
 * on a case (jobs, message correlations) still meet the engine's optimistic locking, which retries
 * jobs and answers people 409.
 */
final class CaseTurns extends CommandInterceptor {

    private static final Logger log = LoggerFactory.getLogger(CaseTurns.class);

    /** The engine's task completion commands and their task id (a protected field, read once per class). */
    private static final Map<Class<?>, Field> TASK_ID = taskIdFields(CompleteTaskCmd.class, SubmitTaskFormCmd.class);

    private final ObjectProvider<AuditTrail> trail;

    CaseTurns(ObjectProvider<AuditTrail> trail) {
        this.trail = trail;
    }

    @Override
    public <T> T execute(Command<T> command) {
        String taskId = taskId(command);
        CommandContext context = Context.getCommandContext();
        if (taskId != null && context != null) {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task != null && task.getProcessInstanceId() != null) {
                trail.getObject().takeTurn(task.getProcessInstanceId());
            }
        }
        return next.execute(command);
    }

    static String taskId(Command<?> command) {
        Field field = command == null ? null : TASK_ID.get(command.getClass());
        if (field == null) {
            return null;
        }
        try {
            return (String) field.get(command);
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    private static Map<Class<?>, Field> taskIdFields(Class<?>... commands) {
        Map<Class<?>, Field> fields = new LinkedHashMap<>();
        for (Class<?> command : commands) {
            try {
                Field field = command.getDeclaredField("taskId");
                field.setAccessible(true);
                fields.put(command, field);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // a later engine renamed it: completions of one case then meet the engine's optimistic locking (409)
                log.warn("任务完成命令 {} 没有可读的 taskId，同一案件的并发办理不再排队", command.getSimpleName());
            }
        }
        return Map.copyOf(fields);
    }
}
