package io.flexboard.foundation.problem;

/** Changes every problem body a service answers before it is written; at most one bean per service. */
@FunctionalInterface
public interface ProblemCustomizer {

    Problem customize(Problem problem);
}
