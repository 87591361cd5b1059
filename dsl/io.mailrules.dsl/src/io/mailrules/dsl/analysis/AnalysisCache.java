package io.mailrules.dsl.analysis;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.util.IResourceScopeCache;
import org.eclipse.xtext.util.Tuples;

import com.google.inject.Inject;
import com.google.inject.Singleton;

import io.mailrules.dsl.mailrules.Layout;
import io.mailrules.dsl.mailrules.Model;
import io.mailrules.dsl.mailrules.RuleBlock;

/**
 * Whole-block and whole-file analyses, computed once per resource state and dropped by Xtext when the resource
 * changes. Checks that run per rule or per action ask here instead of walking the model again, which keeps the
 * validation of large files linear.
 */
@Singleton
public class AnalysisCache {

    @Inject
    private IResourceScopeCache cache;

    public LayoutIndex layout(Layout layout) {
        return cache.get(Tuples.pair(LayoutIndex.class, layout), layout.eResource(), () -> new LayoutIndex(layout));
    }

    public RuleBlockAnalysis block(RuleBlock block) {
        return cache.get(Tuples.pair(RuleBlockAnalysis.class, block), block.eResource(),
                () -> new RuleBlockAnalysis(block));
    }

    public RetentionGraph retention(EObject anyElement) {
        Model model = EcoreUtil2.getContainerOfType(anyElement, Model.class);
        return cache.get(Tuples.pair(RetentionGraph.class, model), model.eResource(), () -> new RetentionGraph(model));
    }
}
