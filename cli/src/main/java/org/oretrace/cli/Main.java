package org.oretrace.cli;

/** Entry point of the oretrace executable. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("oretrace");
  }
}
