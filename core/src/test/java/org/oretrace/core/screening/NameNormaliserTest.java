package org.oretrace.core.screening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameNormaliserTest {

  private final NameNormaliser normaliser = NameNormaliser.basic();

  @Test
  void lowersCaseAndRemovesPunctuationDiacriticsAndApostrophes() {
    assertThat(normaliser.tokens("  Sa'ad AL-FAYSAL, Éric "))
        .containsExactly("saad", "al", "faysal", "eric");
  }

  @Test
  void removesHonorificsAndRanks() {
    assertThat(normaliser.tokens("Colonel Sultani MAKENGA")).containsExactly("sultani", "makenga");
    assertThat(normaliser.tokens("Gen. Dr John Smith")).containsExactly("john", "smith");
  }

  @Test
  void removesLegalFormsOfCompanies() {
    assertThat(normaliser.tokens("ANGLO-CARIBBEAN CO., LTD."))
        .containsExactly("anglo", "caribbean");
    assertThat(normaliser.tokens("Empacadora Continental, S.A. de C.V."))
        .containsExactly("empacadora", "continental");
    assertThat(normaliser.tokens("Great Lakes Minerals SARL"))
        .containsExactly("great", "lakes", "minerals");
    assertThat(normaliser.tokens("Kivu Trading SPRL")).containsExactly("kivu", "trading");
    assertThat(normaliser.tokens("OOO Romashka")).containsExactly("romashka");
    assertThat(normaliser.tokens("Syrian Petroleum Kompany"))
        .containsExactly("syrian", "petroleum");
  }

  @Test
  void keepsAWordWhenTheNameIsOnlyATitleOrALegalForm() {
    assertThat(normaliser.tokens("General")).containsExactly("general");
    assertThat(normaliser.tokens("...")).isEmpty();
  }

  @Test
  void removesTitlesAsOtherTransliterationsSpellThem() {
    assertThat(normaliser.tokens("Hajy Khairullah SATTAR")).containsExactly("khairullah", "sattar");
    assertThat(normaliser.tokens("Hadji Hussein TAJIDINE")).containsExactly("hussein", "tajidine");
    assertThat(normaliser.tokens("Aji Basir")).containsExactly("basir");
    assertThat(normaliser.tokens("M. Ali Hassan")).containsExactly("m", "ali", "hassan");
  }

  @Test
  void readsACyrillicInitialAsOneLetter() {
    assertThat(normaliser.tokens("Х. Салих")).containsExactly("h", "salikh");
    assertThat(normaliser.tokens("Ж. Иванов")).containsExactly("z", "ivanov");
  }

  @Test
  void keepsNamesOneLetterFromAnAmbiguousLegalForm() {
    assertThat(normaliser.tokens("Murad AS'AD")).containsExactly("murad", "asad");
    assertThat(normaliser.tokens("TADBIR GORUP")).containsExactly("tadbir");
  }

  @Test
  void transliteratesOtherScripts() {
    assertThat(normaliser.tokens("Владимир Путин")).containsExactly("vladimir", "putin");
  }
}
