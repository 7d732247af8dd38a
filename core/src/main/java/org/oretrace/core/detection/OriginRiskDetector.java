package org.oretrace.core.detection;

import java.util.List;
import org.oretrace.core.custody.CustodyEvent;
import org.oretrace.core.custody.CustodyEvent.Tag;
import org.oretrace.core.registry.ArmedGroupPresence;
import org.oretrace.core.registry.IcglrStatus;
import org.oretrace.core.registry.Registry;
import org.oretrace.core.registry.Site;

/**
 * D8 origin-risk: a lot tagged at a site that is red under the ICGLR mechanism or controlled by an
 * armed group. Yellow, blue and merely conflict-affected sites are legitimate sources under OECD
 * due diligence and raise nothing here; the lot's risk is theirs to manage, not a crime.
 */
final class OriginRiskDetector implements Detector {

  private final Registry registry;

  OriginRiskDetector(Registry registry) {
    this.registry = registry;
  }

  @Override
  public DetectorId id() {
    return DetectorId.D8;
  }

  @Override
  public void observe(CustodyEvent event, LotBook book, List<Alert> alerts) {
    if (!(event instanceof Tag tag)) {
      return;
    }
    Site site = registry.site(tag.siteId()).orElse(null);
    if (site == null) {
      return;
    }
    boolean red = site.icglrStatus() == IcglrStatus.RED;
    boolean controlled = site.armedGroupPresence() == ArmedGroupPresence.CONTROLLED;
    if (!red && !controlled) {
      return;
    }
    String why =
        red && controlled
            ? "a red site under armed-group control"
            : red ? "a red site excluded from certification" : "a site controlled by armed groups";
    alerts.add(
        Finding.of(id(), tag)
            .lot(tag.lotId())
            .actor(tag.context().actorId())
            .site(site.id())
            .country(site.country().code())
            .figure("massTonnes", Wording.tonnes(tag.massGrams()))
            .score(red && controlled ? 1.0 : 0.9)
            .explain(
                "Lot "
                    + tag.lotId()
                    + " (tag "
                    + tag.tagNumber()
                    + ", "
                    + Wording.mass(tag.massGrams())
                    + " of "
                    + tag.mineral().wireName()
                    + ") was tagged at "
                    + site.name()
                    + ", "
                    + why
                    + ", by "
                    + Wording.actor(registry, tag.context().actorId())
                    + " on "
                    + Wording.day(tag.context().instant())
                    + ": this "
                    + Wording.material(tag.mineral())
                    + " must not enter the certified trade."));
  }
}
