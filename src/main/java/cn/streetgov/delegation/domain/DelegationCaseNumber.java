package cn.streetgov.delegation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/** The last case number handed out per prefix and year. */
@Entity
@Table(name = "dlg_case_number")
class DelegationCaseNumber {

    @Embeddable
    record Key(@Column(name = "prefix") String prefix, @Column(name = "case_year") int year) implements Serializable {
    }

    @EmbeddedId
    private Key key;

    @Column(name = "last_number")
    private int lastNumber;

    protected DelegationCaseNumber() {
    }

    DelegationCaseNumber(Key key) {
        this.key = key;
    }

    int next() {
        return ++lastNumber;
    }
}
