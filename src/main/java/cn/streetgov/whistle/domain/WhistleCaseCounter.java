package cn.streetgov.whistle.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last case number handed out in a year (CS-{year}-{nnnn}). */
@Entity
@Table(name = "whistle_case_counter")
class WhistleCaseCounter {

    @Id
    @Column(name = "case_year")
    private Integer year;

    @Column(name = "last_number")
    private int lastNumber;

    protected WhistleCaseCounter() {
    }

    WhistleCaseCounter(int year) {
        this.year = year;
    }

    int next() {
        return ++lastNumber;
    }
}
