package org.pmopulse.forecast.training;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import org.pmopulse.forecast.Forecaster;
import org.pmopulse.forecast.ModelCard;
import org.pmopulse.forecast.SlipModel;
import org.pmopulse.system.PulseJson;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Trains the slip model the way each outer fold of {@link NestedEvaluation} does, on all the projects: the inner
 * cross-validation chooses the candidate and its shrinkage and calibrates the range, the choice is trained on
 * every project, and the model (Tribuo protobuf) is written with its card, which also records the nested
 * evaluation's figures. Same inputs, same bytes: seeds are fixed, and the clock times Tribuo writes into a
 * model's provenance are set to the epoch.
 */
public final class SlipTraining {
    private static final String EPOCH = "1970-01-01T00:00Z";
    /** An ISO date-time as Tribuo's provenance writes it (with or without seconds, fraction, offset, zone). */
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})(\\[[A-Za-z0-9/_+-]+])?");

    private SlipTraining() {
    }

    /**
     * @param nested       the nested evaluation of the same candidates on the same data, for the card
     * @param trainingData how the card describes the data (where from, how many projects, the citation)
     * @param simulation   the simulation settings when simulated executions were made, else null
     * @return the card written beside {@code modelFile}
     */
    public static ModelCard train(NestedEvaluation.Data data, List<Candidates.Candidate> candidates,
                                  NestedEvaluation.Result nested, String trainingData,
                                  Simulation.Settings simulation, Path modelFile) throws IOException {
        NestedEvaluation.Choice choice = NestedEvaluation.choose(data, new TreeSet<>(data.projects()), candidates);
        SlipModel fitted = NestedEvaluation.fit(data, new TreeSet<>(data.projects()), choice, trainingData);
        ModelCard c = fitted.card();
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("trainedBy", "java -jar pulse.jar train");
        provenance.put("tribuo", org.tribuo.Tribuo.VERSION);
        provenance.put("projects", data.projects().size());
        provenance.put("rows", data.rows().size());
        provenance.put("simulation", simulation == null ? "none" : simulation.describe());
        provenance.put("simulatedRows", data.simulated().values().stream().mapToInt(List::size).sum());
        provenance.put("reproducible", "same inputs give the same model and card bytes: fixed seeds, no clock time");
        ModelCard card = new ModelCard(c.name(), c.trainer(), c.target(), c.features(), c.featureReference(),
                c.featureRange(), c.shrinkage(), c.residualQuantiles(), trainingData,
                evaluation(choice, nested), provenance);
        Files.createDirectories(modelFile.toAbsolutePath().getParent());
        Files.write(modelFile, bytes(fitted.model()));
        Files.writeString(Forecaster.cardOf(modelFile), PulseJson.prettyMapper().writeValueAsString(card) + "\n");
        return card;
    }

    /**
     * The model in Tribuo's protobuf format, with every clock time in its provenance (when it was trained, when
     * its data was read) set to the epoch. The times are rewritten in the parsed wire format, not in the bytes:
     * their length varies with the clock (ISO drops trailing zeros), and every enclosing length must follow.
     */
    static byte[] bytes(Model<Regressor> model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.serializeToStream(out);
        return withEpochTimes(UnknownFieldSet.parseFrom(out.toByteArray())).toByteArray();
    }

    private static UnknownFieldSet withEpochTimes(UnknownFieldSet message) {
        UnknownFieldSet.Builder rewritten = UnknownFieldSet.newBuilder();
        message.asMap().forEach((number, field) -> {
            UnknownFieldSet.Field.Builder copy = UnknownFieldSet.Field.newBuilder();
            field.getVarintList().forEach(copy::addVarint);
            field.getFixed32List().forEach(copy::addFixed32);
            field.getFixed64List().forEach(copy::addFixed64);
            field.getGroupList().forEach(group -> copy.addGroup(withEpochTimes(group)));
            field.getLengthDelimitedList().forEach(value -> copy.addLengthDelimited(withEpochTimes(value)));
            rewritten.addField(number, copy.build());
        });
        return rewritten.build();
    }

    /** A clock time becomes the epoch; a nested message is rewritten; anything else (text, packed numbers) stays. */
    private static ByteString withEpochTimes(ByteString value) {
        if (DATE_TIME.matcher(value.toStringUtf8()).matches()) {
            return ByteString.copyFromUtf8(EPOCH);
        }
        try {
            UnknownFieldSet nested = UnknownFieldSet.parseFrom(value);
            // only what reads back byte for byte is a message; text that happens to parse is left alone
            return nested.toByteString().equals(value) ? withEpochTimes(nested).toByteString() : value;
        } catch (InvalidProtocolBufferException notAMessage) {
            return value;
        }
    }

    private static Map<String, Object> evaluation(NestedEvaluation.Choice choice, NestedEvaluation.Result nested) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("method", "nested leave one project out, its siblings with it: in each outer fold the candidate, its"
                + " shrinkage and the 80 % range are chosen by a cross-validation on the other projects only that"
                + " leaves one family out at a time; MAPE of the forecast real duration in percent, pooled over periods");
        if (nested != null) {
            EvaluationReport.Figures f = EvaluationReport.figures(nested);
            e.put("snapshots", f.snapshots());
            e.put("projects", f.projects());
            e.put("mape", f.mape());
            e.put("coverage80", f.coverage());
            Map<String, Long> chosen = new java.util.TreeMap<>();
            nested.predictions().stream().map(p -> p.row().projectId() + "\u0000" + p.choice()).distinct()
                    .forEach(k -> chosen.merge(k.substring(k.indexOf('\u0000') + 1), 1L, Long::sum));
            e.put("choicesByProjectLeftOut", chosen); // an outer fold leaves a family out: counted by project
        }
        e.put("kept", choice.label());
        e.put("innerMape", choice.options());
        return e;
    }
}
