namespace Saas.Tests;
