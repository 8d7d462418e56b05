package cn.streetgov.delegation.domain;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Readable case numbers from a table: {@code FQ-2026-0007}, one series per prefix and year. */
@Service
public class DelegationCaseNumbers {

    private final DelegationCaseNumberRepository numbers;

    DelegationCaseNumbers(DelegationCaseNumberRepository numbers) {
        this.numbers = numbers;
    }

    @Transactional
    public String next(String prefix, int year) {
        DelegationCaseNumber.Key key = new DelegationCaseNumber.Key(prefix, year);
        DelegationCaseNumber number = numbers.lockByKey(key).orElseGet(() -> numbers.saveAndFlush(new DelegationCaseNumber(key)));
        return format(prefix, year, number.next());
    }

    static String format(String prefix, int year, int sequence) {
        return String.format("%s-%d-%04d", prefix, year, sequence);
    }
}
