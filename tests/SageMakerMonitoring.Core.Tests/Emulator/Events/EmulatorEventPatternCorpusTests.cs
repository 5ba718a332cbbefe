using SageMakerMonitoring.Core.Tests.Events;
using SageMakerMonitoring.Emulator.Services.Events;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator.Events
{
    /// <summary>
    /// The emulator's own pattern matcher (written apart from the module's engine) against every case of the reference
    /// corpus, so that the emulator's TestEventPattern is a second implementation that agrees with the reference.
    /// </summary>
    public class EmulatorEventPatternCorpusTests
    {
        public static TheoryData<string> Cases => EventPatternCorpus.Ids();

        [Theory]
        [MemberData(nameof(Cases))]
        public void Emulator_matcher_agrees_with_the_reference(string id)
        {
            var c = EventPatternCorpus.Get(id);
            var pattern = EmulatorEventPattern.Compile(c.Pattern);
            Assert.True(c.Match == pattern.Matches(c.Event),
                id + " (" + c.Source + "): pattern " + c.Pattern + " against event " + c.Event + " should " + (c.Match ? "" : "not ") + "match");
        }
    }
}
