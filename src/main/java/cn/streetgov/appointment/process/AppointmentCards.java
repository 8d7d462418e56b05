package cn.streetgov.appointment.process;

import cn.streetgov.appointment.domain.CadreAction;
import cn.streetgov.org.OrgDirectory;
import java.util.Arrays;

/** The words the appointment cases' task cards share: the action in Chinese and the agency's name. */
final class AppointmentCards {

    private AppointmentCards() {
    }

    static String action(Object code, String prefix) {
        return code == null ? null : Arrays.stream(CadreAction.values()).filter(a -> a.name().equals(code.toString()))
                .findFirst().map(a -> prefix + a.label()).orElse(null);
    }

    static String agency(OrgDirectory orgs, Object code) {
        return code == null ? null : orgs.findAgency(code.toString()).map(a -> a.getName()).orElse(null);
    }
}
