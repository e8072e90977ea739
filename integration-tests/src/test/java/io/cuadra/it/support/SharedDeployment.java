package io.cuadra.it.support;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.deployment.Deployment;
import org.jboss.arquillian.container.spi.event.DeployDeployment;
import org.jboss.arquillian.container.spi.event.UnDeployDeployment;
import org.jboss.arquillian.container.spi.event.container.BeforeStop;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.shrinkwrap.api.Archive;

/**
 * Deploys the plain EAR once for every test class that uses it, instead of once per class: the test
 * classes are clients of the running application, so one deployment serves them all and the run saves a
 * deploy and an undeploy per class.
 *
 * <p>A class that deploys something else (OrdersIT adds a probe to the EAR) gets its own deployment: the
 * shared one is undeployed first — both name themselves "cuadra" and would share a context root — and
 * deployed again by the next class that needs it. What stays deployed at the end is undeployed before
 * Arquillian stops the domain, so the next run's domain does not boot a stale application.
 */
public class SharedDeployment {

    /** The archive of the plain EAR while it is deployed, and the container that holds it. */
    private Archive<?> deployed;
    private DeployableContainer<?> container;
    private int deployments;

    public void deploy(@Observes EventContext<DeployDeployment> context) throws Exception {
        Deployment deployment = context.getEvent().getDeployment();
        boolean shareable = CuadraDeployment.isShared(deployment.getDescription().getArchive());
        if (shareable && deployed != null) {
            deployment.deployed(); // already there: this class uses the running application
            return;
        }
        undeployShared();
        context.proceed();
        deployments++;
        System.out.printf("[it] deployment %d: %s%n", deployments, deployment.getDescription().getArchive().getName());
        if (shareable && deployment.isDeployed()) {
            deployed = deployment.getDescription().getArchive();
            container = context.getEvent().getDeployableContainer();
        }
    }

    public void undeploy(@Observes EventContext<UnDeployDeployment> context) {
        Deployment deployment = context.getEvent().getDeployment();
        if (deployed != null && CuadraDeployment.isShared(deployment.getDescription().getArchive())) {
            deployment.undeployed(); // kept for the next class; undeployed when another archive or the end comes
            return;
        }
        context.proceed();
    }

    public void atTheEnd(@Observes(precedence = 100) BeforeStop event) throws Exception {
        undeployShared();
    }

    private void undeployShared() throws Exception {
        if (deployed != null) {
            Archive<?> archive = deployed;
            deployed = null;
            container.undeploy(archive);
        }
    }
}
