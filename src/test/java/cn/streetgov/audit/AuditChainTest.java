package cn.streetgov.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

class AuditChainTest {

    private static List<AuditRecord> chain(int length) {
        List<AuditRecord> records = new ArrayList<>();
        String prev = AuditRecord.GENESIS;
        for (int i = 1; i <= length; i++) {
            AuditRecord r = new AuditRecord(new AuditEvent("pi-1", "FQ-2026-0001", "power-delegation",
                    AuditEventType.TASK_COMPLETED, "userTask_x", "审核", "t" + i, "s01-off", "street-office-S01",
                    "东华街道办事处", "ACCEPT", "同意承接", "{\"n\":" + i + "}", Instant.ofEpochMilli(1_000L * i)), i, prev);
            records.add(r);
            prev = r.getHash();
        }
        return records;
    }

    @Test
    void anUntouchedChainIsIntact() {
        AuditTrail.ChainCheck check = AuditTrail.verify(chain(4));
        assertThat(check.intact()).isTrue();
        assertThat(check.records()).isEqualTo(4);
    }

    @Test
    void aChangedFieldIsFoundAtItsRecord() {
        List<AuditRecord> records = chain(4);
        ReflectionTestUtils.setField(records.get(2), "comment", "不同意");
        assertThat(AuditTrail.verify(records).firstBrokenSeq()).isEqualTo(3);
    }

    @Test
    void aRemovedRecordIsFoundAtTheNextOne() {
        List<AuditRecord> records = chain(4);
        records.remove(1);
        assertThat(AuditTrail.verify(records).firstBrokenSeq()).isEqualTo(3);
    }

    @Test
    void csvFieldsAreQuotedAndFormulaSafe() {
        assertThat(AuditController.csvField("同意, 但需补充")).isEqualTo("\"同意, 但需补充\"");
        assertThat(AuditController.csvField("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
        assertThat(AuditController.csvField("他说\"好\"")).isEqualTo("\"他说\"\"好\"\"\"");
        assertThat(AuditController.csvField(null)).isEmpty();
    }
}
