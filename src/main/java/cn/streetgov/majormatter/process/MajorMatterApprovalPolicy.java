package cn.streetgov.majormatter.process;

import cn.streetgov.casework.ApprovalPolicy;
import cn.streetgov.majormatter.domain.MajorMatterService;
import cn.streetgov.majormatter.process.MajorMatterProcess.Elements;
import cn.streetgov.majormatter.process.MajorMatterProcess.Vars;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The approval operations of major-matter-consultation: the sender cannot return a street's opinion
 * to it (the street's opinion is its own; its deadline was fixed when the matter was sent); a
 * street's opinion withdrawn by the street, or an answer returned or withdrawn, is due again and the
 * matter's record is put back.
 */
@Component
class MajorMatterApprovalPolicy implements ApprovalPolicy {

    private final MajorMatterService matters;

    MajorMatterApprovalPolicy(MajorMatterService matters) {
        this.matters = matters;
    }

    @Override
    public String processKey() {
        return MajorMatterProcess.KEY;
    }

    @Override
    public Set<String> notReturnable() {
        return Set.of(Elements.GIVE_OPINION);
    }

    @Override
    public void reopened(String reopenedTaskKey, Object element, Map<String, Object> variables) {
        if (element == null || !(variables.get(Vars.CASE_ID) instanceof Number caseId)) {
            return;
        }
        switch (reopenedTaskKey) {
            case Elements.GIVE_OPINION -> matters.reopenOpinion(caseId.longValue(), element.toString());
            case Elements.ANSWER_OPINION -> matters.reopenAnswer(caseId.longValue(), element.toString());
            default -> {
                // the decision ends the case: nothing after it to put back
            }
        }
    }
}
