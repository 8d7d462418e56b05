package cn.streetgov.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A workflow that asks an organisation (a street/town party committee) for an opinion by a reply
 * deadline: the BPMN's user task is due at {@link OpinionDeadlines#REPLY_DEADLINE}, a
 * non-interrupting timer at {@link OpinionDeadlines#REMINDER_DATE} reminds the asked group and a
 * timer at the deadline acts on the missed reply. One bean per process, in the workflow's
 * {@code process} package; {@link OpinionDeadlines} computes the dates, sends the reminder and the
 * overdue notice and calls {@link #overdue} for what the workflow records.
 */
public interface OpinionRequest {

    /** The process definition key this request is for (e.g. {@code cadre-consultation}). */
    String processKey();

    /** The group asked for the opinion at this execution (e.g. {@code street-committee-S01}). */
    String askedGroup(VariableScope scope);

    /** What the asked group must do by the deadline, for the reminder (e.g. 召开会议并答复任免意见). */
    String askedFor(VariableScope scope);

    /** The group told that the deadline passed without an opinion, or null when no one is told. */
    String overdueGroup(VariableScope scope);

    /** What that group is told (e.g. 街道党(工)委逾期未答复，请督办或记录未答复). */
    String overdueMessage(VariableScope scope);

    /** What the workflow records when the deadline passed without an opinion; nothing by default. */
    default void overdue(DelegateExecution execution) {
    }
}
