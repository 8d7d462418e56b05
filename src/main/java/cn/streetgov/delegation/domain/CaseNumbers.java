package cn.streetgov.delegation.domain;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Readable case numbers from a table: {@code FQ-2026-0007}, one series per prefix and year. */
@Service
public class CaseNumbers {

    private final CaseNumberRepository numbers;

    CaseNumbers(CaseNumberRepository numbers) {
        this.numbers = numbers;
    }

    @Transactional
    public String next(String prefix, int year) {
        CaseNumber.Key key = new CaseNumber.Key(prefix, year);
        CaseNumber number = numbers.lockByKey(key).orElseGet(() -> numbers.saveAndFlush(new CaseNumber(key)));
        return format(prefix, year, number.next());
    }

    static String format(String prefix, int year, int sequence) {
        return String.format("%s-%d-%04d", prefix, year, sequence);
    }
}
