package cn.streetgov.whistle.process;

import cn.streetgov.casework.CaseCard;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/** A whistle on a task card: its urgency and what it is about, e.g. 紧急 · 东华路夜市占道经营. */
@Component
class WhistleCaseCard implements CaseCard {

    @Override
    public String processKey() {
        return WhistleProcess.KEY;
    }

    @Override
    public String describe(Function<String, Object> variable) {
        return CaseCard.join(40, variable.apply(WhistleProcess.Vars.URGENCY_LABEL),
                variable.apply(WhistleProcess.Vars.SUMMARY));
    }
}
