package vn.congvan.statistics.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import vn.congvan.shared.DomainException;

/**
 * A usage score formula such as {@code 2*registered + assigned + 3*onTime - returns}: decimal
 * numbers, the names of {@link UsageVariable}, {@code + - * /}, unary minus and parentheses,
 * nothing else (no function, no name outside the list), read by a recursive-descent parser into a
 * tree that is only ever evaluated. A division by zero counts as zero, so that one official with
 * nothing to divide by does not stop a whole ranking.
 */
final class UsageFormula {

    /** Longer formulas are refused: nobody writes one, and nesting depth stays bounded. */
    static final int MAX_LENGTH = 500;

    private final String text;
    private final Node root;

    private UsageFormula(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    /**
     * Reads a formula; refuses one that does not parse ({@code statistics.usage.formula.*}, 400,
     * with the formula and the 1-based position of the fault).
     */
    static UsageFormula parse(String text) {
        if (text.isBlank()) {
            throw DomainException.invalid("statistics.usage.formula.empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw DomainException.invalid("statistics.usage.formula.too-long", MAX_LENGTH);
        }
        Parser parser = new Parser(text);
        Node root = parser.expression();
        parser.skipSpaces();
        if (!parser.atEnd()) {
            throw parser.unexpected();
        }
        return new UsageFormula(text.strip(), root);
    }

    String text() {
        return text;
    }

    /** The score of the counts, rounded half up to two decimals. */
    BigDecimal score(Map<UsageVariable, Long> counts) {
        double value = root.value(counts);
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    private interface Node {
        double value(Map<UsageVariable, Long> counts);
    }

    private record Number(double value) implements Node {
        @Override
        public double value(Map<UsageVariable, Long> counts) {
            return value;
        }
    }

    private record Variable(UsageVariable variable) implements Node {
        @Override
        public double value(Map<UsageVariable, Long> counts) {
            return counts.getOrDefault(variable, 0L);
        }
    }

    private record Negation(Node operand) implements Node {
        @Override
        public double value(Map<UsageVariable, Long> counts) {
            return -operand.value(counts);
        }
    }

    private record Operation(char operator, Node left, Node right) implements Node {
        @Override
        public double value(Map<UsageVariable, Long> counts) {
            double l = left.value(counts);
            double r = right.value(counts);
            return switch (operator) {
                case '+' -> l + r;
                case '-' -> l - r;
                case '*' -> l * r;
                default -> r == 0 ? 0 : l / r;
            };
        }
    }

    /** expression = term (('+'|'-') term)*; term = factor (('*'|'/') factor)*; factor = number | name | '-' factor | '(' expression ')'. */
    private static final class Parser {

        private static final String NAMES = Arrays.stream(UsageVariable.values())
                .map(UsageVariable::formulaName)
                .collect(Collectors.joining(", "));

        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        Node expression() {
            Node node = term();
            while (true) {
                skipSpaces();
                if (peek('+') || peek('-')) {
                    char operator = text.charAt(at++);
                    node = new Operation(operator, node, term());
                } else {
                    return node;
                }
            }
        }

        private Node term() {
            Node node = factor();
            while (true) {
                skipSpaces();
                if (peek('*') || peek('/')) {
                    char operator = text.charAt(at++);
                    node = new Operation(operator, node, factor());
                } else {
                    return node;
                }
            }
        }

        private Node factor() {
            skipSpaces();
            if (atEnd()) {
                throw DomainException.invalid("statistics.usage.formula.incomplete", text);
            }
            char c = text.charAt(at);
            if (c == '-') {
                at++;
                return new Negation(factor());
            }
            if (c == '(') {
                int open = at++;
                Node inner = expression();
                skipSpaces();
                if (!peek(')')) {
                    throw DomainException.invalid("statistics.usage.formula.unclosed", text, open + 1);
                }
                at++;
                return inner;
            }
            if (Character.isDigit(c) || c == '.') {
                return number();
            }
            if (Character.isLetter(c)) {
                return variable();
            }
            throw unexpected();
        }

        private Node number() {
            int start = at;
            while (!atEnd() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
                at++;
            }
            String digits = text.substring(start, at);
            try {
                return new Number(new BigDecimal(digits).doubleValue());
            } catch (NumberFormatException e) {
                throw DomainException.invalid("statistics.usage.formula.number", text, digits, start + 1);
            }
        }

        private Node variable() {
            int start = at;
            while (!atEnd() && Character.isLetterOrDigit(text.charAt(at))) {
                at++;
            }
            String name = text.substring(start, at);
            return new Variable(UsageVariable.named(name)
                    .orElseThrow(() -> DomainException.invalid(
                            "statistics.usage.formula.unknown-name", text, name, start + 1, NAMES)));
        }

        DomainException unexpected() {
            return DomainException.invalid(
                    "statistics.usage.formula.unexpected", text, String.valueOf(text.charAt(at)), at + 1);
        }

        void skipSpaces() {
            while (!atEnd() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        boolean atEnd() {
            return at >= text.length();
        }

        private boolean peek(char c) {
            return !atEnd() && text.charAt(at) == c;
        }
    }
}
