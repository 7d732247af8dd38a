package org.oretrace.core.detection;

import java.util.List;
import org.oretrace.core.custody.CustodyEvent;

/**
 * One detector of the catalogue. It is shown every accepted event in order, with the lot book as it
 * stood just before the event, keeps whatever state of its own it needs, and adds an alert when the
 * event completes its pattern. Detectors never see the same event twice and never change the book.
 */
interface Detector {

  DetectorId id();

  void observe(CustodyEvent event, LotBook book, List<Alert> alerts);
}
