package io.mailrules.dsl.analysis;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * Questions about what is written in the text rather than in the model. EMF reports an attribute holding its
 * default value (port 0, the first enum literal) as unset, so "was it written?" must ask the node model.
 */
public final class Syntax {

    private Syntax() {
    }

    public static boolean isWritten(EObject object, EStructuralFeature feature) {
        return object.eIsSet(feature) || !NodeModelUtils.findNodesForFeature(object, feature).isEmpty();
    }
}
