package org.hotline12345.workflow.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TextSimilarityTest {

    @Test
    void identicalTextsAreAlikeWhateverTheirWidthCaseAndPunctuation() {
        assertThat(TextSimilarity.of("经十路100号 夜间施工！", "经十路１００号，夜间施工")).isEqualTo(1.0);
        assertThat(TextSimilarity.of("Pothole, Main Street.", "pothole main street")).isEqualTo(1.0);
    }

    @Test
    void theMeasureIsTheDiceCoefficientOfCharacterBigrams() {
        // abcd: ab bc cd; abce: ab bc ce; two shared of six -> 2 * 2 / 6.
        assertThat(TextSimilarity.of("abcd", "abce")).isCloseTo(2.0 * 2 / 6, within(1e-9));
        // 路灯不亮: 路灯 灯不 不亮; 路灯坏了不亮: 路灯 灯坏 坏了 了不 不亮; shared 路灯 不亮 -> 2 * 2 / 8.
        assertThat(TextSimilarity.of("路灯不亮", "路灯坏了不亮")).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void repeatedBigramsCountAsOftenAsBothTextsHaveThem() {
        // aaa: aa aa; aa: aa; one shared of three.
        assertThat(TextSimilarity.of("aaa", "aa")).isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    void unrelatedOrEmptyTextsAreNotAlike() {
        assertThat(TextSimilarity.of("噪音扰民", "路灯不亮")).isZero();
        assertThat(TextSimilarity.of("", "路灯不亮")).isZero();
        assertThat(TextSimilarity.of(null, "！！")).isZero();
        assertThat(TextSimilarity.of("灯", "灯")).isEqualTo(1.0);
    }

    @Test
    void aTextPreparedOnceComparesWithManyAsTheTwoTextForm() {
        TextSimilarity.Prepared reported = TextSimilarity.prepare("路灯不亮");
        assertThat(reported.similarity(TextSimilarity.prepare("路灯坏了不亮"))).isCloseTo(0.5, within(1e-9));
        assertThat(reported.similarity(TextSimilarity.prepare("路灯，不亮！"))).isEqualTo(1.0);
        assertThat(reported.similarity(TextSimilarity.prepare("噪音扰民"))).isZero();
        assertThat(TextSimilarity.prepare("").similarity(TextSimilarity.prepare(""))).isZero();
    }

    @Test
    void aCharacterBeyondTheBasicPlaneIsOneCharacter() {
        // 𠮷野家: 𠮷野 野家; 𠮷野屋: 𠮷野 野屋; one shared of four. Counted in UTF-16 units, 𠮷 would be two characters.
        assertThat(TextSimilarity.of("𠮷野家", "𠮷野屋")).isCloseTo(0.5, within(1e-9));
        assertThat(TextSimilarity.normalise("𠮷野家！")).isEqualTo("𠮷野家");
    }

    @Test
    void aOneCharacterTextSharesNothingWithTheBigramsThatStartWithIt() {
        assertThat(TextSimilarity.of("灯", "灯光")).isZero();
        assertThat(TextSimilarity.of("灯", "光")).isZero();
    }
}
