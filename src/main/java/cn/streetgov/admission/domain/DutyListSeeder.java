package cn.streetgov.admission.domain;

import cn.streetgov.org.OrgDirectory;
import cn.streetgov.org.domain.OrgUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * At start-up, after the organisation model is there (the demo seed runs first): every active
 * street/town without a duty list gets version 1, the district's base list ({@code duty_base_item}).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class DutyListSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DutyListSeeder.class);

    private final DutyLists lists;
    private final OrgDirectory org;

    DutyListSeeder(DutyLists lists, OrgDirectory org) {
        this.lists = lists;
        this.org = org;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (OrgUnit unit : org.units()) {
            try {
                lists.seedBaseList(unit.getCode());
            } catch (DataIntegrityViolationException e) {
                // another node wrote this street's first version at the same moment: it is there
                log.info("履职清单: {} 的第 1 版已由另一节点写入", unit.getCode());
            }
        }
    }
}
