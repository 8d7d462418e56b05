package cn.streetgov.delegation.process;

import cn.streetgov.casework.CaseClock;
import java.util.Date;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Deadlines of the power-delegation workflow, bound to {@code app.delegation.*} (defaults here, so
 * no yaml entry is needed). Used in the BPMN as {@code ${delegationProperties…}}.
 */
@Component("delegationProperties")
@ConfigurationProperties(prefix = "app.delegation")
public class DelegationProperties {

    /** Days a street/town has for its capacity review (承接能力评估). */
    private int capacityReviewDays = 10;
    /** ISO-8601 duration after which the capacity reviewers are reminded (before the due date). */
    private String capacityReminderAfter = "P8D";
    /** Days for the legal review, the bianban, the government and the department's revisions. */
    private int decisionDays = 10;
    /** ISO-8601 duration from publication until the streets report on how the power works. */
    private String reviewPeriod = "P6M";
    /** Days the streets have for that report. */
    private int reportDays = 30;

    public Date capacityDueDate() {
        return inDays(capacityReviewDays);
    }

    public Date decisionDueDate() {
        return inDays(decisionDays);
    }

    public Date reportDueDate() {
        return inDays(reportDays);
    }

    private static Date inDays(int days) {
        return CaseClock.inDays(days);
    }

    public int getCapacityReviewDays() {
        return capacityReviewDays;
    }

    public void setCapacityReviewDays(int capacityReviewDays) {
        this.capacityReviewDays = capacityReviewDays;
    }

    public String getCapacityReminderAfter() {
        return capacityReminderAfter;
    }

    public void setCapacityReminderAfter(String capacityReminderAfter) {
        this.capacityReminderAfter = capacityReminderAfter;
    }

    public int getDecisionDays() {
        return decisionDays;
    }

    public void setDecisionDays(int decisionDays) {
        this.decisionDays = decisionDays;
    }

    public String getReviewPeriod() {
        return reviewPeriod;
    }

    public void setReviewPeriod(String reviewPeriod) {
        this.reviewPeriod = reviewPeriod;
    }

    public int getReportDays() {
        return reportDays;
    }

    public void setReportDays(int reportDays) {
        this.reportDays = reportDays;
    }
}
