package org.pmopulse.protrack;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a ProTrack project file ({@code .p2x}). The XML is parsed with DTDs and external entities off (a file is
 * user input). Dates are {@code ddMMyyyyHHmm}; {@code 0} or a year before 1900 means "none". Non-working days
 * are numbered from Monday (0) to Sunday (6). A file that is not a ProTrack project, or whose numbers or dates
 * do not parse, is refused with {@link ProTrackException} naming the element.
 */
public final class ProTrackReader {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("ddMMyyyyHHmm");
    /** Rounding allowed on a fraction complete. */
    private static final double EPSILON = 1e-6;

    public ProTrackFile read(byte[] xml, String fileName) {
        Element root = parse(xml, fileName).getDocumentElement();
        if (!root.getTagName().equals("Project")) {
            throw new ProTrackException(fileName, "not a ProTrack project: the root element is <" + root.getTagName() + ">");
        }
        String name = text(root, "NAME");
        Element agenda = child(root, "Agenda");
        if (agenda == null) {
            throw new ProTrackException(fileName, "no <Agenda> (working calendar)");
        }
        try {
            WorkCalendar calendar = calendar(agenda);
            List<ProTrackFile.Activity> activities = new ArrayList<>();
            List<ProTrackFile.Resource> resources = new ArrayList<>();
            List<ProTrackFile.Assignment> assignments = new ArrayList<>();
            List<ProTrackFile.Relation> relations = new ArrayList<>();
            List<ProTrackFile.Period> periods = new ArrayList<>();
            for (Element section : children(root, null)) {
                switch (section.getTagName()) {
                    case "Activities" -> children(section, "Activity").forEach(a -> activities.add(activity(a)));
                    case "Resources" -> children(section, "Resource").forEach(r -> resources.add(new ProTrackFile.Resource(
                            (int) number(r, "FIELD0"), text(r, "FIELD1"), number(r, "FIELD770"), number(r, "FIELD771"))));
                    case "ResourceAssignments" -> children(section, "ResourceAssignment").forEach(a -> assignments.add(
                            new ProTrackFile.Assignment((int) number(a, "FIELD1024"), (int) number(a, "FIELD1025"),
                                    number(a, "FIELD1026"))));
                    case "Relations" -> children(section, "Relation").forEach(r -> relations.add(new ProTrackFile.Relation(
                            (int) number(r, "FromTask"), (int) number(r, "ToTask"), (int) number(r, "LagType"),
                            number(r, "Lag"))));
                    case "TrackingList" -> periods.addAll(periods(section));
                    default -> { }
                }
            }
            if (activities.isEmpty()) {
                throw new ProTrackException(fileName, "no activities in the baseline schedule");
            }
            checkPeriods(periods, activities, fileName);
            return new ProTrackFile(name == null || name.isBlank() ? fileName : name.strip(), calendar, activities,
                    resources, assignments, relations, periods);
        } catch (ProTrackException e) {
            throw e;
        } catch (RuntimeException e) { // numbers, dates, calendars: the message names the element
            throw new ProTrackException(fileName, e.getMessage());
        }
    }

    /**
     * Refuses tracking periods that contradict themselves or each other, naming the file, the period and the
     * field: status dates that do not increase, an activity more than done (which would put earned value above
     * the budget), negative durations, an activity tracked that the baseline does not have, or one that started
     * after the period's own status date by more than a day. Records that run a little past their status date
     * are a known habit of the research files and stay.
     */
    static void checkPeriods(List<ProTrackFile.Period> periods, List<ProTrackFile.Activity> activities, String file) {
        Set<Integer> known = new HashSet<>();
        activities.forEach(a -> known.add(a.id()));
        LocalDateTime previous = null;
        String previousName = null;
        for (ProTrackFile.Period p : periods) {
            String period = "period " + (p.name() == null || p.name().isBlank() ? String.valueOf(p.id()) : p.name().strip());
            if (previous != null && !p.statusDate().isAfter(previous)) {
                throw new ProTrackException(file, period + ": <EndDate> " + p.statusDate() + " is not after the "
                        + "status date of the period before (" + previousName + ", " + previous + ")");
            }
            previous = p.statusDate();
            previousName = period;
            for (ProTrackFile.Tracking t : p.tracking()) {
                String where = period + ", activity " + t.activityId() + ": ";
                if (!known.contains(t.activityId())) {
                    throw new ProTrackException(file, where + "<Activity> is not in the baseline schedule");
                }
                if (!Double.isFinite(t.percentComplete()) || t.percentComplete() < 0 || t.percentComplete() > 1 + EPSILON) {
                    throw new ProTrackException(file, where + "<PercentageComplete> " + t.percentComplete()
                            + " is outside 0..1 (earned value would be below 0 or above the budget)");
                }
                if (t.actualHours() < 0) {
                    throw new ProTrackException(file, where + "<ActualDuration> " + t.actualHours()
                            + " is negative: the activity would finish before it started");
                }
                if (t.remainingHours() < 0) {
                    throw new ProTrackException(file, where + "<RemainingDuration> " + t.remainingHours() + " is negative");
                }
                if (t.actualStart() != null && t.actualStart().isAfter(p.statusDate().plusDays(1))) {
                    throw new ProTrackException(file, where + "<ActualStart> " + t.actualStart()
                            + " is after the period's status date " + p.statusDate());
                }
                if (t.actualStart() == null && (t.percentComplete() > 0 || t.actualHours() > 0)) {
                    throw new ProTrackException(file, where + "<ActualStart> is missing for an activity with progress");
                }
            }
        }
    }

    private static WorkCalendar calendar(Element agenda) {
        Set<Integer> hours = new HashSet<>();
        Set<DayOfWeek> days = new HashSet<>();
        Set<LocalDate> holidays = new HashSet<>();
        Element nwh = child(agenda, "NonWorkingHours");
        if (nwh != null) {
            children(nwh, "Hour").forEach(h -> hours.add(Integer.parseInt(h.getTextContent().strip())));
        }
        Element nwd = child(agenda, "NonWorkingDays");
        if (nwd != null) {
            children(nwd, "Day").forEach(d -> days.add(DayOfWeek.of(Integer.parseInt(d.getTextContent().strip()) + 1)));
        }
        Element hol = child(agenda, "Holidays");
        if (hol != null) {
            children(hol, "Holiday").forEach(h -> {
                LocalDateTime day = dateTime(h.getTextContent(), "Holiday");
                if (day != null) {
                    holidays.add(day.toLocalDate());
                }
            });
        }
        return new WorkCalendar(hours, days, holidays);
    }

    private static ProTrackFile.Activity activity(Element a) {
        LocalDateTime start = dateTime(text(a, "BaseLineStart"), "BaseLineStart");
        if (start == null) {
            throw new IllegalStateException("activity " + text(a, "UniqueID") + " has no BaseLineStart");
        }
        return new ProTrackFile.Activity((int) number(a, "UniqueID"), text(a, "Name"), start,
                number(a, "BaseLineDuration"), number(a, "FixedBaselineCost"), number(a, "BaselineCostByUnit"),
                number(a, "IsMilestone") != 0);
    }

    /** Each {@code TrackingPeriod} is followed by its {@code TProTrackActivities-*} element. */
    private static List<ProTrackFile.Period> periods(Element list) {
        List<ProTrackFile.Period> periods = new ArrayList<>();
        Element period = null;
        for (Element e : children(list, null)) {
            if (e.getTagName().equals("TrackingPeriod")) {
                period = e;
            } else if (e.getTagName().startsWith("TProTrackActivities") && period != null) {
                LocalDateTime status = dateTime(text(period, "EndDate"), "EndDate");
                if (status == null) {
                    throw new IllegalStateException("tracking period " + text(period, "Name") + " has no EndDate");
                }
                periods.add(new ProTrackFile.Period((int) number(period, "UniqueID"), text(period, "Name"), status,
                        tracking(e)));
                period = null;
            }
        }
        return periods;
    }

    /** Pairs of {@code <Activity>id</Activity>} and its {@code TProTrackActivityTracking-*} record. */
    private static List<ProTrackFile.Tracking> tracking(Element activities) {
        List<ProTrackFile.Tracking> tracking = new ArrayList<>();
        Integer activity = null;
        for (Element e : children(activities, null)) {
            if (e.getTagName().equals("Activity")) {
                activity = Integer.parseInt(e.getTextContent().strip());
            } else if (e.getTagName().startsWith("TProTrackActivityTracking") && activity != null) {
                tracking.add(new ProTrackFile.Tracking(activity, dateTime(text(e, "ActualStart"), "ActualStart"),
                        number(e, "ActualDuration"), number(e, "ActualCostDev"), number(e, "RemainingDuration"),
                        number(e, "PercentageComplete")));
                activity = null;
            }
        }
        return tracking;
    }

    private static Document parse(byte[] xml, String fileName) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            throw new ProTrackException(fileName, "not well-formed XML: " + e.getMessage());
        } catch (ParserConfigurationException | IOException e) {
            throw new ProTrackException(fileName, "could not be read: " + e.getMessage());
        }
    }

    static LocalDateTime dateTime(String text, String element) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.equals("0")) {
            return null;
        }
        if (t.length() == 11) {
            t = "0" + t; // a day before the 10th written without its leading zero
        }
        try {
            LocalDateTime value = LocalDateTime.parse(t, DATE_TIME);
            return value.getYear() < 1900 ? null : value;
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("<" + element + "> '" + text + "' is not a ddMMyyyyHHmm date");
        }
    }

    private static double number(Element parent, String name) {
        String text = text(parent, name);
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("<" + name + "> '" + text + "' is not a number");
        }
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent();
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    /** Child elements, all of them or those with {@code name}. */
    private static List<Element> children(Element parent, String name) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (name == null || e.getTagName().equals(name))) {
                list.add(e);
            }
        }
        return list;
    }
}
