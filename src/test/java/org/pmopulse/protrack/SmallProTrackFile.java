package org.pmopulse.protrack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small ProTrack project written for the tests, kept as text here and written to a temporary file when a
 * test needs one (no .p2x file is kept in the repository: the research files stay in ../shared/datasets).
 * Design (Mon-Tue, fixed 1 000 + a designer at 50 an hour, 16 h), Build (Thu-Mon after the Wednesday
 * holiday, 100 an hour, 24 h, done a day late), Handover (a milestone on Tuesday 14 January worth 200,
 * reached on the 15th); three tracking periods, the last two in the same ISO week.
 */
public final class SmallProTrackFile {
    public static final String XML = """
            <Project><NAME>Small test project</NAME>
            <Agenda><StartDate>060120250000</StartDate>
            <NonWorkingHours><Hour>0</Hour><Hour>1</Hour><Hour>2</Hour><Hour>3</Hour><Hour>4</Hour><Hour>5</Hour><Hour>6</Hour><Hour>7</Hour><Hour>12</Hour><Hour>17</Hour><Hour>18</Hour><Hour>19</Hour><Hour>20</Hour><Hour>21</Hour><Hour>22</Hour><Hour>23</Hour></NonWorkingHours>
            <NonWorkingDays><Day>5</Day><Day>6</Day></NonWorkingDays>
            <Holidays><Holiday>080120250000</Holiday></Holidays></Agenda>
            <Activities><Name>Activities</Name><UniqueID>-1</UniqueID></Activities>
            <Activities>
            <Activity><BaselineCostByUnit>0</BaselineCostByUnit><BaseLineDuration>16</BaseLineDuration><BaseLineStart>060120250800</BaseLineStart><FixedBaselineCost>1000</FixedBaselineCost><IsMilestone>0</IsMilestone><Name>Design</Name><UniqueID>1</UniqueID></Activity>
            <Activity><BaselineCostByUnit>100</BaselineCostByUnit><BaseLineDuration>24</BaseLineDuration><BaseLineStart>090120250800</BaseLineStart><FixedBaselineCost>0</FixedBaselineCost><IsMilestone>0</IsMilestone><Name>Build</Name><UniqueID>2</UniqueID></Activity>
            <Activity><BaselineCostByUnit>0</BaselineCostByUnit><BaseLineDuration>0</BaseLineDuration><BaseLineStart>140120250800</BaseLineStart><FixedBaselineCost>200</FixedBaselineCost><IsMilestone>1</IsMilestone><Name>Handover</Name><UniqueID>3</UniqueID></Activity>
            </Activities>
            <Resources><Name>Resources</Name><UniqueID>-1</UniqueID></Resources>
            <Resources><Resource><FIELD0>1</FIELD0><FIELD1>Designer</FIELD1><FIELD770>0</FIELD770><FIELD771>50</FIELD771></Resource></Resources>
            <ResourceAssignments><ResourceAssignment><FIELD1026>1</FIELD1026><FIELD1027>0</FIELD1027><FIELD1024>1</FIELD1024><FIELD1025>1</FIELD1025></ResourceAssignment></ResourceAssignments>
            <Relations><Relation><FromTask>1</FromTask><Lag>0</Lag><LagKind>0</LagKind><LagType>2</LagType><ToTask>2</ToTask></Relation><Relation><FromTask>2</FromTask><Lag>8</Lag><LagKind>0</LagKind><LagType>2</LagType><ToTask>3</ToTask></Relation></Relations>
            <TrackingList><Name>TrackingList</Name><UniqueID>-1</UniqueID></TrackingList>
            <TrackingList>
            <TrackingPeriod><EndDate>090120251700</EndDate><Name>P1</Name><UniqueID>1</UniqueID></TrackingPeriod>
            <TProTrackActivities-1>
            <Activity>1</Activity><TProTrackActivityTracking-1><ActualStart>060120250800</ActualStart><ActualDuration>16</ActualDuration><ActualCostDev>100</ActualCostDev><RemainingDuration>0</RemainingDuration><RemainingCostDev>0</RemainingCostDev><PercentageComplete>1</PercentageComplete></TProTrackActivityTracking-1>
            <Activity>2</Activity><TProTrackActivityTracking-1><ActualStart>090120250800</ActualStart><ActualDuration>8</ActualDuration><ActualCostDev>0</ActualCostDev><RemainingDuration>24</RemainingDuration><RemainingCostDev>0</RemainingCostDev><PercentageComplete>0.25</PercentageComplete></TProTrackActivityTracking-1>
            <Activity>3</Activity><TProTrackActivityTracking-1><ActualStart>0</ActualStart><ActualDuration>0</ActualDuration><ActualCostDev>0</ActualCostDev><RemainingDuration>0</RemainingDuration><RemainingCostDev>0</RemainingCostDev><PercentageComplete>0</PercentageComplete></TProTrackActivityTracking-1>
            </TProTrackActivities-1>
            <TrackingPeriod><EndDate>140120251700</EndDate><Name>P2</Name><UniqueID>2</UniqueID></TrackingPeriod>
            <TProTrackActivities-1>
            <Activity>1</Activity><TProTrackActivityTracking-1><ActualStart>060120250800</ActualStart><ActualDuration>16</ActualDuration><ActualCostDev>100</ActualCostDev><RemainingDuration>0</RemainingDuration><RemainingCostDev>0</RemainingCostDev><PercentageComplete>1</PercentageComplete></TProTrackActivityTracking-1>
            <Activity>2</Activity><TProTrackActivityTracking-1><ActualStart>090120250800</ActualStart><ActualDuration>32</ActualDuration><ActualCostDev>0</ActualCostDev><RemainingDuration>0</RemainingDuration><RemainingCostDev>0</RemainingCostDev><PercentageComplete>1</PercentageComplete></TProTrackActivityTracking-1>
            <Activity>3</Activity><TProTrackActivityTracking-1><ActualStart>0</ActualStart><ActualDuration>0</ActualDuration><ActualCostDev>0</ActualCostDev><RemainingDuration>0</RemainingDuration><RemainingCostDev>0</RemainingCostDev><PercentageComplete>0</PercentageComplete></TProTrackActivityTracking-1>
            </TProTrackActivities-1>
            <TrackingPeriod><EndDate>150120251700</EndDate><Name>P3</Name><UniqueID>3</UniqueID></TrackingPeriod>
            <TProTrackActivities-1>
            <Activity>1</Activity><TProTrackActivityTracking-1><ActualStart>060120250800</ActualStart><ActualDuration>16</ActualDuration><ActualCostDev>100</ActualCostDev><RemainingDuration>0</RemainingDuration><RemainingCostDev>0</RemainingCostDev><PercentageComplete>1</PercentageComplete></TProTrackActivityTracking-1>
            <Activity>2</Activity><TProTrackActivityTracking-1><ActualStart>090120250800</ActualStart><ActualDuration>32</ActualDuration><ActualCostDev>0</ActualCostDev><RemainingDuration>0</RemainingDuration><RemainingCostDev>0</RemainingCostDev><PercentageComplete>1</PercentageComplete></TProTrackActivityTracking-1>
            <Activity>3</Activity><TProTrackActivityTracking-1><ActualStart>150120250800</ActualStart><ActualDuration>0</ActualDuration><ActualCostDev>0</ActualCostDev><RemainingDuration>0</RemainingDuration><RemainingCostDev>0</RemainingCostDev><PercentageComplete>1</PercentageComplete></TProTrackActivityTracking-1>
            </TProTrackActivities-1>
            </TrackingList></Project>
            """;

    private SmallProTrackFile() {
    }

    public static byte[] bytes() {
        return XML.getBytes(StandardCharsets.UTF_8);
    }

    /** The file read and turned into a project with the id SMALL. */
    public static ProTrackProject project() {
        return new ProTrackProject(new ProTrackReader().read(bytes(), "small.p2x"), "SMALL");
    }

    /** Writes the file as {@code name} in {@code dir} and returns its path. */
    public static Path writeTo(Path dir, String name) throws IOException {
        return Files.write(Files.createDirectories(dir).resolve(name), bytes());
    }
}
