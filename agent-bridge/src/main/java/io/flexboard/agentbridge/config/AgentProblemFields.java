package io.flexboard.agentbridge.config;

import io.flexboard.foundation.problem.Problem;
import io.flexboard.foundation.problem.ProblemCustomizer;
import org.springframework.stereotype.Component;

/**
 * Adds the spec's agent fields {@code success: false} and {@code error} to every problem agent-bridge
 * answers, so an agent written against the roadmap's contract reads every failure the same way.
 */
@Component
class AgentProblemFields implements ProblemCustomizer {

    @Override
    public Problem customize(Problem problem) {
        return problem.withAgentFields();
    }
}
