package cn.streetgov.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

class AuditChainTest {

    private static final AuditSeal SEAL = new AuditSeal("unit-test-audit-key-0123456789abcdef", false);

    private static AuditEvent event(int i) {
        return new AuditEvent("pi-1", "FQ-2026-0001", "power-delegation", AuditEventType.TASK_COMPLETED, "userTask_x",
                "审核", "t" + i, "s01-off", "street-office-S01", "东华街道办事处", "ACCEPT", "同意承接",
                "{\"n\":" + i + "}", Instant.ofEpochMilli(1_000L * i));
    }

    private static List<AuditRecord> chain(int length) {
        List<AuditRecord> records = new ArrayList<>();
        String prev = AuditRecord.GENESIS;
        for (int i = 1; i <= length; i++) {
            AuditRecord r = new AuditRecord(event(i), i, prev, SEAL);
            records.add(r);
            prev = r.getHash();
        }
        return records;
    }

    private static AuditChainHead headOf(List<AuditRecord> records) {
        AuditChainHead head = new AuditChainHead(records.get(0), SEAL);
        records.subList(1, records.size()).forEach(r -> head.advance(r, SEAL));
        return head;
    }

    private static AuditTrail.ChainCheck verify(List<AuditRecord> records, AuditChainHead head) {
        return AuditChain.verify(records, head, SEAL);
    }

    @Test
    void anUntouchedChainIsIntact() {
        List<AuditRecord> records = chain(4);
        AuditTrail.ChainCheck check = verify(records, headOf(records));
        assertThat(check.intact()).isTrue();
        assertThat(check.records()).isEqualTo(4);
        assertThat(check.message()).contains("完整");
    }

    @Test
    void aChangedFieldIsFoundAtItsRecord() {
        List<AuditRecord> records = chain(4);
        AuditChainHead head = headOf(records);
        ReflectionTestUtils.setField(records.get(2), "comment", "不同意");
        AuditTrail.ChainCheck check = verify(records, head);
        assertThat(check.firstBrokenSeq()).isEqualTo(3);
        assertThat(check.problem()).isEqualTo(AuditChain.RECORD_ALTERED);
        assertThat(check.message()).contains("第 3 条记录被改动");
    }

    @Test
    void aRemovedRecordIsFoundAtTheNextOne() {
        List<AuditRecord> records = chain(4);
        AuditChainHead head = headOf(records);
        records.remove(1);
        AuditTrail.ChainCheck check = verify(records, head);
        assertThat(check.firstBrokenSeq()).isEqualTo(3);
        assertThat(check.problem()).isEqualTo(AuditChain.CHAIN_CUT);
    }

    @Test
    void removedLastRecordsAreFoundByTheHead() {
        List<AuditRecord> records = chain(4);
        AuditChainHead head = headOf(records);
        records.subList(2, 4).clear();
        AuditTrail.ChainCheck check = verify(records, head);
        assertThat(check.intact()).isFalse();
        assertThat(check.firstBrokenSeq()).isEqualTo(3);
        assertThat(check.problem()).isEqualTo(AuditChain.LAST_RECORDS_DELETED);
        assertThat(check.message()).contains("链头记录共 4 条，现存 2 条");

        AuditTrail.ChainCheck none = verify(List.of(), head);
        assertThat(none.firstBrokenSeq()).isEqualTo(1);
        assertThat(none.message()).contains("全部被删除");
    }

    @Test
    void aMissingOrAlteredHeadIsReported() {
        List<AuditRecord> records = chain(3);
        assertThat(verify(records, null).problem()).isEqualTo(AuditChain.HEAD_MISSING);
        assertThat(verify(records, null).firstBrokenSeq()).isEqualTo(4);

        // a head moved back to the second record, as if the third had been appended by someone else
        AuditChainHead head = headOf(records);
        ReflectionTestUtils.setField(head, "lastSeq", 2);
        ReflectionTestUtils.setField(head, "lastHash", records.get(1).getHash());
        assertThat(verify(records, head).problem()).isEqualTo(AuditChain.HEAD_ALTERED);
    }

    @Test
    void recordsAppendedAfterTheHeadWasReadStillVerify() {
        List<AuditRecord> records = chain(4);
        AuditChainHead head = headOf(records.subList(0, 3));
        assertThat(verify(records, head).intact()).isTrue();
    }

    @Test
    void aHeadPointingAtAnotherRecordIsReported() {
        List<AuditRecord> records = chain(3);
        AuditChainHead head = headOf(records);
        List<AuditRecord> other = new ArrayList<>(chain(2));
        other.add(new AuditRecord(event(9), 3, other.get(1).getHash(), SEAL));
        assertThat(verify(other, head).problem()).isEqualTo(AuditChain.HEAD_MISMATCH);
    }

    @Test
    void anotherKeyVerifiesNothing() {
        List<AuditRecord> records = chain(2);
        AuditTrail.ChainCheck check = AuditChain.verify(records, headOf(records),
                new AuditSeal("another-audit-key-0123456789abcdefgh", false));
        assertThat(check.firstBrokenSeq()).isEqualTo(1);
        assertThat(check.problem()).isEqualTo(AuditChain.RECORD_ALTERED);
    }

    @Test
    void aRecordWithoutKeyProtectionIsNotVouchedFor() {
        List<AuditRecord> records = chain(2);
        ReflectionTestUtils.setField(records.get(0), "hashVersion", AuditRecord.UNKEYED);
        AuditTrail.ChainCheck check = verify(records, headOf(records));
        assertThat(check.firstBrokenSeq()).isEqualTo(1);
        assertThat(check.problem()).isEqualTo(AuditChain.UNKEYED_RECORD);
    }

    @Test
    void movingCharactersBetweenFieldsOrNullForEmptyChangesTheHash() {
        AuditRecord r = chain(1).get(0);
        String sealed = SEAL.sign(r.content());
        ReflectionTestUtils.setField(r, "decision", "ACCEPT同意");
        ReflectionTestUtils.setField(r, "comment", "承接");
        assertThat(SEAL.sign(r.content())).isNotEqualTo(sealed);

        AuditRecord s = chain(1).get(0);
        ReflectionTestUtils.setField(s, "activityName", "");
        String empty = SEAL.sign(s.content());
        ReflectionTestUtils.setField(s, "activityName", null);
        assertThat(SEAL.sign(s.content())).isNotEqualTo(empty);
    }

    @Test
    void fieldsAreLengthPrefixedUtf8WithAMarkerForNull() {
        byte[] bytes = new CanonicalFields("t").add("东华").add((String) null).add("").add(12).bytes();
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("1:t6:东华~0:2:12");
    }

    @Test
    void csvFieldsAreQuotedAndFormulaSafe() {
        assertThat(AuditController.csvField("同意, 但需补充")).isEqualTo("\"同意, 但需补充\"");
        assertThat(AuditController.csvField("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
        assertThat(AuditController.csvField("他说\"好\"")).isEqualTo("\"他说\"\"好\"\"\"");
        assertThat(AuditController.csvField(null)).isEmpty();
    }
}
