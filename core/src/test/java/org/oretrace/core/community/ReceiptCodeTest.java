package org.oretrace.core.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReceiptCodeTest {

  @Test
  void codesAreTwentyBase32DigitsInGroupsOfFourAndDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int index = 0; index < 10_000; index++) {
      String code = ReceiptCode.generate();
      assertThat(code).matches("([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}");
      assertThat(seen.add(code)).isTrue();
    }
  }

  @Test
  void aCodeTypedInLowerCaseWithoutDashesReadsAsItself() {
    for (int index = 0; index < 1_000; index++) {
      String code = ReceiptCode.generate();
      String typed = " " + code.replace("-", "").toLowerCase(Locale.ROOT) + " ";
      assertThat(ReceiptCode.normalise(typed)).isEqualTo(code);
      assertThat(ReceiptCode.hash(ReceiptCode.normalise(typed))).isEqualTo(ReceiptCode.hash(code));
    }
  }

  @Test
  void textThatIsNotACodeIsRefused() {
    assertThat(ReceiptCode.normalise(null)).isNull();
    assertThat(ReceiptCode.normalise("")).isNull();
    assertThat(ReceiptCode.normalise("AAAA-AAAA-AAAA-AAAA")).isNull();
    assertThat(ReceiptCode.normalise("AAAA-AAAA-AAAA-AAAA-AAAU")).isNull();
    assertThat(ReceiptCode.normalise("AAAA-AAAA-AAAA-AAAA-AAAAA")).isNull();
  }

  @Test
  void theStoredHashIsTheSha256OfTheCode() {
    assertThat(ReceiptCode.hash("0000-0000-0000-0000-0000"))
        .hasSize(64)
        .isNotEqualTo(ReceiptCode.hash("0000-0000-0000-0000-0001"));
  }
}
