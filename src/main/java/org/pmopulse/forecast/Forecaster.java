package org.pmopulse.forecast;

import org.pmopulse.metrics.Indicators;
import org.pmopulse.snapshot.Snapshot;
import org.pmopulse.system.PulseJson;
import org.pmopulse.system.PulseProperties;
import org.pmopulse.system.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The forecast stage of an assessment. Loads the slip model from the models folder (Tribuo protobuf format only,
 * type-checked, with its card); without a usable model Pulse runs on rules alone and every assessment says why.
 */
public final class Forecaster {
    private static final Logger log = LoggerFactory.getLogger(Forecaster.class);
    /** The model file's name in the models folder unless {@code pulse.model-file} says otherwise. */
    public static final String DEFAULT_MODEL_FILE = PulseProperties.DEFAULT_MODEL_FILE;

    private final SlipModel model;
    private final String unavailableReason;

    private Forecaster(SlipModel model, String unavailableReason) {
        this.model = model;
        this.unavailableReason = unavailableReason;
    }

    /** Loads {@code modelFile} and its card ({@code <name>.card.json} beside it); never throws. */
    public static Forecaster load(Path modelFile) {
        if (!Files.isRegularFile(modelFile)) {
            return unavailable("no model file at " + modelFile.toAbsolutePath() + "; running on rules alone");
        }
        Path cardFile = cardOf(modelFile);
        if (!Files.isRegularFile(cardFile)) {
            return unavailable("model card " + cardFile.toAbsolutePath() + " is missing; running on rules alone");
        }
        try {
            byte[] bytes = Files.readAllBytes(modelFile); // read once: the hash names exactly what was loaded
            Model<?> loaded = Model.deserializeFromStream(new ByteArrayInputStream(bytes));
            if (!loaded.validate(Regressor.class)) {
                return unavailable("model " + modelFile.getFileName() + " is not a regression model");
            }
            @SuppressWarnings("unchecked")
            Model<Regressor> regression = (Model<Regressor>) loaded;
            ModelCard card = PulseJson.mapper().readValue(Files.readString(cardFile), ModelCard.class);
            String incompatible = incompatibility(card);
            if (incompatible != null) {
                return unavailable("model " + modelFile.getFileName() + " does not fit this Pulse: " + incompatible
                        + "; running on rules alone");
            }
            String version = card.name() + " (sha256:" + Sha256.hex(bytes).substring(0, 16) + ")";
            log.info("Slip model {} loaded from {}", version, modelFile.toAbsolutePath());
            return new Forecaster(new SlipModel(regression, card, version), null);
        } catch (IOException | RuntimeException e) {
            return unavailable("model " + modelFile.getFileName() + " could not be loaded ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); running on rules alone");
        }
    }

    /** What makes a card unusable with these features, or null. */
    private static String incompatibility(ModelCard card) {
        if (!SlipFeatures.TARGET.equals(card.target())) {
            return "its target is '" + card.target() + "', Pulse forecasts '" + SlipFeatures.TARGET + "'";
        }
        if (card.featureReference() == null || card.residualQuantiles() == null) {
            return "its card has no typical feature values or no range calibration (trained by an older Pulse)";
        }
        List<String> unknown = card.features() == null ? List.of("(none listed)")
                : card.features().stream().filter(f -> !SlipFeatures.NAMES.contains(f)).toList();
        return unknown.isEmpty() ? null : "it uses features Pulse does not compute: " + unknown;
    }

    private static Forecaster unavailable(String reason) {
        log.warn("Forecast unavailable: {}", reason);
        return rulesOnly(reason);
    }

    /** No model, on purpose: assessments carry {@code reason} instead of a forecast. */
    public static Forecaster rulesOnly(String reason) {
        return new Forecaster(null, reason);
    }

    public static Path cardOf(Path modelFile) {
        String name = modelFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return modelFile.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".card.json");
    }

    /** @param history indicators of earlier snapshots of the same project, most recent first */
    public Forecast forecast(Snapshot snapshot, Indicators now, List<Indicators> history) {
        return model == null ? Forecast.unavailable(unavailableReason) : model.forecast(snapshot, now, history);
    }

    public Optional<SlipModel> model() {
        return Optional.ofNullable(model);
    }

    public Optional<String> unavailableReason() {
        return Optional.ofNullable(unavailableReason);
    }

}
