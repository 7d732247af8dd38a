package org.oretrace.core.customs;

import java.util.List;
import org.oretrace.core.detection.Alert;

/** The alerts that name a lot or an actor, as customs needs them: fast, from memory. */
public interface AlertSubjects {

  List<Alert> aboutLot(String lotId);

  List<Alert> aboutActor(String actorId);
}
