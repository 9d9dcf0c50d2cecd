package org.pmopulse.rules;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML file of the rules folder read as a node tree, so that every complaint about it can name its line.
 * Only plain YAML: no tags that create objects, no duplicate keys.
 */
final class YamlFile {
    final String file;
    final Node root;

    private YamlFile(String file, Node root) {
        this.file = file;
        this.root = root;
    }

    static YamlFile parse(String file, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try {
            Node root = new Yaml(options).compose(new StringReader(text));
            if (!(root instanceof MappingNode)) {
                throw new RuleSetRejectedException(List.of(RuleMessage.error(file, 1, "expected a YAML mapping")));
            }
            return new YamlFile(file, root);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new RuleSetRejectedException(List.of(RuleMessage.error(file, line, e.getProblem())));
        } catch (YAMLException e) {
            throw new RuleSetRejectedException(List.of(RuleMessage.error(file, 0, e.getMessage())));
        }
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    static Map<String, Node> entries(Node mapping) {
        Map<String, Node> map = new LinkedHashMap<>();
        if (mapping instanceof MappingNode m) {
            for (NodeTuple tuple : m.getValue()) {
                map.put(scalar(tuple.getKeyNode()), tuple.getValueNode());
            }
        }
        return map;
    }

    static List<Node> items(Node sequence) {
        return sequence instanceof SequenceNode s ? new ArrayList<>(s.getValue()) : List.of();
    }

    static String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }
}
