package cn.streetgov.admission.process;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * app.admission.*: the due dates of the steps of duty-admission and duty-exit (the negative list is
 * in DMN duty-admission-check). Defaults work without any yaml entry; the kernel's deadline sweep
 * reminds app.deadlines.remind-before ahead of each and escalates after it.
 *
 * @param opinionDays days a street committee has for its opinion on an application (街道意见)
 * @param decisionDays days 区委编办 has for its decision, on an application or a hand-back
 * @param deptOpinionDays days the department has for its opinion on a hand-back (部门意见)
 */
@ConfigurationProperties("app.admission")
public record AdmissionProperties(@DefaultValue("10") int opinionDays, @DefaultValue("10") int decisionDays,
        @DefaultValue("10") int deptOpinionDays) {
}
