package cn.streetgov.audit;

import cn.streetgov.audit.AuditTrail.ChainCheck;
import java.util.List;

/**
 * Verifies a case's trail against the audit key and its head: every record sealed with the key and
 * linked to the one before, and the head (sealed too) pointing at a record that is still there.
 */
final class AuditChain {

    /** Machine-readable reasons of {@link ChainCheck#problem()}. */
    static final String RECORD_ALTERED = "RECORD_ALTERED";
    static final String CHAIN_CUT = "CHAIN_CUT";
    static final String UNKEYED_RECORD = "UNKEYED_RECORD";
    static final String LAST_RECORDS_DELETED = "LAST_RECORDS_DELETED";
    static final String HEAD_MISSING = "HEAD_MISSING";
    static final String HEAD_ALTERED = "HEAD_ALTERED";
    static final String HEAD_MISMATCH = "HEAD_MISMATCH";

    private AuditChain() {
    }

    /**
     * @param trail the case's records in seq order, read after {@code head}
     * @param head the case's head, or null
     */
    static ChainCheck verify(List<AuditRecord> trail, AuditChainHead head, AuditSeal seal) {
        int count = trail.size();
        String prev = AuditRecord.GENESIS;
        int expectedSeq = 1;
        for (AuditRecord record : trail) {
            int seq = record.getSeq();
            if (record.getHashVersion() != AuditRecord.KEYED) {
                return broken(count, seq, UNKEYED_RECORD, "第 " + seq + " 条记录没有密钥保护（写于审计链加固之前，或被改为旧格式），"
                        + "无法证明其未被改动");
            }
            if (seq != expectedSeq || !prev.equals(record.getPrevHash())) {
                return broken(count, seq, CHAIN_CUT, "审计链在第 " + seq + " 条记录处断开：其前面的记录被删除、插入或调换"
                        + (seq != expectedSeq ? "（应为第 " + expectedSeq + " 条）" : ""));
            }
            if (!record.sealedBy(seal)) {
                return broken(count, seq, RECORD_ALTERED, "第 " + seq + " 条记录被改动：内容与其密钥哈希不符");
            }
            prev = record.getHash();
            expectedSeq++;
        }
        if (head == null) {
            return broken(count, count + 1, HEAD_MISSING, "链头记录缺失：无法确认最后的记录是否被删除（现存 " + count + " 条）");
        }
        if (!head.sealedBy(seal)) {
            return broken(count, count + 1, HEAD_ALTERED, "链头记录被改动：与其密钥哈希不符");
        }
        int headSeq = head.getLastSeq();
        if (headSeq > count) {
            return broken(count, count + 1, LAST_RECORDS_DELETED, count == 0
                    ? "该案件的审计记录已全部被删除（链头记录共 " + headSeq + " 条）"
                    : "最后的记录被删除：链头记录共 " + headSeq + " 条，现存 " + count + " 条（第 " + (count + 1)
                            + " 条起缺失）");
        }
        // records after the head's are appends committed between reading the head and the trail
        if (headSeq < 1 || !trail.get(headSeq - 1).getHash().equals(head.getLastHash())) {
            return broken(count, Math.max(headSeq, 1), HEAD_MISMATCH, "链头记录与第 " + headSeq + " 条记录不符");
        }
        return new ChainCheck(true, count, null, null,
                "审计链完整：共 " + count + " 条记录，均与密钥哈希相符，链头指向最后一条记录");
    }

    private static ChainCheck broken(int records, int seq, String problem, String message) {
        return new ChainCheck(false, records, seq, problem, message);
    }
}
